package io.pactwire.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which hosts ingest may fetch from. A URL given by a user or found in a feed must not make ingest reach
 * into the network it runs in (SSRF): loopback, private-range (RFC 1918, IPv6 unique-local), link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified and multicast addresses are refused
 * unless {@code ingest.allow.private.hosts} is set. Every address a name resolves to is checked, and every
 * redirect hop is checked again.
 */
final class HostPolicy {
    private final boolean allowPrivateHosts;

    HostPolicy(boolean allowPrivateHosts) {
        this.allowPrivateHosts = allowPrivateHosts;
    }

    /** Why {@code host} may not be fetched from, or empty when it may. */
    Optional<String> refusal(String host) throws UnknownHostException {
        if (allowPrivateHosts) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            if (isPrivate(address)) {
                return Optional.of("refused: " + host + " is a loopback or private-network address ("
                        + address.getHostAddress() + "); use --allow-private-hosts (ingest.allow.private.hosts) to allow it");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64.0.0/10
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return true; // unique local, fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
