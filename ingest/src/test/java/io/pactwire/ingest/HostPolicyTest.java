package io.pactwire.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address policy, a table of addresses: IP literals only, parsed without any lookup. Each refused one is
 * a way into the network ingest runs in; the allowed ones are public addresses, some in the IPv6 forms that
 * carry an IPv4 address, which the policy must read rather than refuse or pass blindly.
 */
class HostPolicyTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "0.0.0.0", "0.1.2.3", // this network, 0.0.0.0/8
            "10.0.0.1", "10.255.255.255", // RFC 1918
            "100.64.0.1", "100.127.255.254", // carrier-grade NAT, 100.64.0.0/10
            "127.0.0.1", "127.1.2.3", // loopback, 127.0.0.0/8
            "169.254.169.254", // link-local: cloud metadata
            "172.16.0.1", "172.31.255.255", // RFC 1918
            "192.0.0.8", "192.0.0.170", // IETF protocol assignments, 192.0.0.0/24
            "192.168.1.1", // RFC 1918
            "198.18.0.1", "198.19.255.255", // benchmarking, 198.18.0.0/15
            "224.0.0.1", "239.255.255.250", // multicast, 224.0.0.0/4
            "240.0.0.1", "255.255.255.255", // reserved and broadcast, 240.0.0.0/4
            "::1", "::", // loopback, unspecified
            "::127.0.0.1", "::10.0.0.1", "::0.0.0.1", // IPv4-compatible IPv6, carrying a private IPv4
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.1.2.3", // IPv4-mapped
            "64:ff9b::127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", // NAT64 to a private IPv4
            "64:ff9b:1::1", "64:ff9b:1:2::cb00:710a", // local-use NAT64, 64:ff9b:1::/48
            "2002:7f00:1::", "2002:a00:1::1", "2002:a9fe:a9fe::", // 6to4 of a private IPv4
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
            "fc00::1", "fd12:3456:789a::1", // unique local, fc00::/7
            "fe80::1", "febf::1", // link-local, fe80::/10
            "fec0::1", // site-local (deprecated)
            "ff02::1", "ff05::1:3", // multicast
            "100::1", // discard-only, 100::/64
    })
    void refusesAddressesIntoTheLocalNetwork(String literal) throws UnknownHostException {
        assertThat(HostPolicy.isPrivate(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "8.8.8.8", "1.1.1.1", "203.0.113.10", "93.184.216.34",
            "100.63.255.255", "100.128.0.1", // just outside 100.64.0.0/10
            "172.15.255.255", "172.32.0.1", // just outside 172.16.0.0/12
            "192.0.1.1", "192.167.255.255", "198.17.255.255", "198.20.0.1", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", // public IPv6
            "64:ff9b::808:808", "64:ff9b::8.8.8.8", // NAT64 of a public IPv4 (DNS64 networks)
            "2002:808:808::1", // 6to4 of a public IPv4
            "::ffff:8.8.8.8", "::8.8.8.8", // IPv4-mapped and -compatible of a public IPv4
    })
    void allowsPublicAddressesWhateverTheirForm(String literal) throws UnknownHostException {
        assertThat(HostPolicy.isPrivate(InetAddress.getByName(literal))).as(literal).isFalse();
    }
}
