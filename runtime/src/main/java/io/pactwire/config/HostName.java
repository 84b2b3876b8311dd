package io.pactwire.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name: {@code HOSTNAME} when set (a container's id or name), else what the network says. */
public final class HostName {
    private HostName() {
    }

    public static String get() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
