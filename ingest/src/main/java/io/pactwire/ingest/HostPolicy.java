package io.pactwire.ingest;

import org.apache.hc.client5.http.DnsResolver;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which hosts ingest may fetch from. A URL given by a user or found in a feed must not make ingest reach
 * into the network it runs in (SSRF): loopback, private-range (RFC 1918, IPv6 unique-local), link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified, reserved and multicast addresses are
 * refused unless {@code ingest.allow.private.hosts} is set, and so are IPv6 addresses that carry one of
 * those IPv4 addresses inside (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 *
 * <p>As a {@link DnsResolver} it is what the HTTP client connects through: a name is resolved once per
 * connection, every address it resolves to is checked, and the client gets exactly the checked addresses.
 * A name whose DNS answer changes between a check and the connection (DNS rebinding) thus cannot lead the
 * client anywhere the check did not see.
 */
final class HostPolicy implements DnsResolver {

    /** Resolves a host name (or an IP literal) to its addresses; tests inject their own, never real DNS. */
    @FunctionalInterface
    interface Resolver {
        /** The system's resolver: DNS, the hosts file, and IP literals parsed without any lookup. */
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host refused by the policy; an {@link UnknownHostException} so that the HTTP client passes it on. */
    static final class Refused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private final boolean allowPrivateHosts;
    private final Resolver resolver;

    HostPolicy(boolean allowPrivateHosts) {
        this(allowPrivateHosts, Resolver.SYSTEM);
    }

    HostPolicy(boolean allowPrivateHosts, Resolver resolver) {
        this.allowPrivateHosts = allowPrivateHosts;
        this.resolver = resolver;
    }

    /** Why {@code host} may not be fetched from, or empty when it may. */
    Optional<String> refusal(String host) throws UnknownHostException {
        try {
            resolve(host);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /**
     * The addresses of {@code host}, every one of them checked: the only addresses the client may connect to.
     *
     * @throws Refused when any of them is a loopback or private-network address
     */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivateHosts) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new Refused("refused: " + host + " is a loopback or private-network address ("
                            + address.getHostAddress() + "); use --allow-private-hosts (ingest.allow.private.hosts) to allow it");
                }
            }
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host; // never asked for plain http and https; no reverse lookup needed
    }

    /** Whether ingest must not connect to {@code address} unless private hosts are allowed. */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPrivateIpv4(b);
        }
        if (address instanceof Inet6Address) {
            return isPrivateIpv6(b);
        }
        return true; // an address family we do not know is not one we may reach
    }

    private static boolean isPrivateIpv4(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        int third = b[2] & 0xFF;
        return first == 0 // "this network", 0.0.0.0/8
                || first == 10 // RFC 1918
                || first == 127 // loopback
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64.0.0/10
                || (first == 169 && second == 254) // link-local, cloud metadata
                || (first == 172 && second >= 16 && second <= 31) // RFC 1918
                || (first == 192 && second == 0 && third == 0) // IETF protocol assignments, 192.0.0.0/24
                || (first == 192 && second == 168) // RFC 1918
                || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                || first >= 224; // multicast 224.0.0.0/4, reserved 240.0.0.0/4 and broadcast
    }

    private static boolean isPrivateIpv6(byte[] b) {
        if ((b[0] & 0xFE) == 0xFC) {
            return true; // unique local, fc00::/7
        }
        if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0x80) {
            return true; // link-local, fe80::/10
        }
        if ((b[0] & 0xFF) == 0xFF) {
            return true; // multicast, ff00::/8
        }
        if (zeros(b, 0, 10) && ((b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF || b[10] == 0 && b[11] == 0)) {
            // IPv4-mapped ::ffff:0:0/96, and IPv4-compatible ::/96 (deprecated, but still routed by some
            // stacks to the IPv4 address it carries), :: and ::1 among them
            return isPrivateIpv4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
            if (b[4] == 0 && b[5] == 0x01) {
                return true; // local-use NAT64, 64:ff9b:1::/48: where it leads is the network's own choice
            }
            // well-known NAT64 prefix 64:ff9b::/96: DNS64 networks reach every IPv4 site through it, so only the
            // IPv4 address it carries decides
            return zeros(b, 4, 12) ? isPrivateIpv4(new byte[] {b[12], b[13], b[14], b[15]}) : true;
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return isPrivateIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4, 2002::/16
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return true; // Teredo, 2001::/32: the client's IPv4 address is hidden in it, obfuscated
        }
        return b[0] == 0x01 && zeros(b, 1, 8); // discard-only, 100::/64
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
