package dev.hlm.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostNamesTest {
    private static X509Certificate cert(List<String> dns, List<String> ips) {
        return GeneratedCertificate.builder("cn.example").onlyNames(dns, ips).build().certificate();
    }

    @Test
    void dnsNamesMatchExactlyAndCaseInsensitively() {
        X509Certificate c = cert(List.of("psc.corp.local"), List.of());
        assertThat(HostNames.matches(c, "psc.corp.local")).isTrue();
        assertThat(HostNames.matches(c, "PSC.Corp.Local")).isTrue();
        assertThat(HostNames.matches(c, "psc.corp.local.")).isTrue();
        assertThat(HostNames.matches(c, "vc.corp.local")).isFalse();
        assertThat(HostNames.matches(c, "10.0.0.1")).isFalse();
    }

    @Test
    void aWildcardStandsForOneLeftMostLabel() {
        X509Certificate c = cert(List.of("*.corp.local"), List.of());
        assertThat(HostNames.matches(c, "psc.corp.local")).isTrue();
        assertThat(HostNames.matches(c, "a.psc.corp.local")).isFalse();
        assertThat(HostNames.matches(c, "corp.local")).isFalse();
    }

    @Test
    void addressesMatchIpAlternativeNamesOnly() {
        X509Certificate c = cert(List.of("10.0.0.1"), List.of("127.0.0.1", "::1"));
        assertThat(HostNames.matches(c, "127.0.0.1")).isTrue();
        assertThat(HostNames.matches(c, "[::1]")).isTrue();
        assertThat(HostNames.matches(c, "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(HostNames.matches(c, "10.0.0.1")).as("a DNS name that looks like an address").isFalse();
    }

    @Test
    void theCommonNameCountsOnlyWithoutDnsNames() {
        assertThat(HostNames.matches(cert(List.of(), List.of()), "cn.example")).isTrue();
        assertThat(HostNames.matches(cert(List.of("other.example"), List.of()), "cn.example")).isFalse();
    }

    @Test
    void issuedForListsWhatAPersonChecks() {
        assertThat(HostNames.issuedFor(cert(List.of("psc.corp.local"), List.of("10.1.1.1"))))
                .containsExactly("psc.corp.local", "10.1.1.1");
        assertThat(HostNames.issuedFor(cert(List.of(), List.of()))).containsExactly("cn.example");
    }
}
