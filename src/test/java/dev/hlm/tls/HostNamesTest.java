package dev.hlm.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"vc01.corp.local", "psc", "PSC-01.Corp.Local", "vc.corp.local.", "xn--bcher-kva.example",
        "10.0.0.5", "255.255.255.255", "::1", "fd00::5", "0:0:0:0:0:0:0:1", "::ffff:10.0.0.1", "1a.example"})
    void hostsThatMayBeSent(String host) {
        assertThat(HostNames.problem(host)).isNull();
    }

    @Test
    void aLabelHoldsUpTo63CharactersAndANameUpTo253() {
        String label63 = "a".repeat(63);
        assertThat(HostNames.problem(label63 + ".example")).isNull();
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertThat(name253).hasSize(253);
        assertThat(HostNames.problem(name253)).isNull();
        assertThat(HostNames.problem(name253 + ".")).as("the root's dot is not counted").isNull();
        assertThat(HostNames.problem(name253 + "a")).isEqualTo("'" + name253.substring(0, 80) + "...' (254 characters)"
                + " is longer than a host name can be (253 characters)");
        assertThat(HostNames.problem("a".repeat(64) + ".example"))
                .isEqualTo("'" + "a".repeat(64) + ".example' has a label of 64 characters; a label has at most 63");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                 | '' is empty",
        "a b                | 'a b' contains ' ', which a host name cannot hold (letters, digits, '-' and '.' only)",
        "vc_01.corp         | 'vc_01.corp' contains '_', which a host name cannot hold (letters, digits, '-' and '.' only)",
        "bücher.example     | 'bücher.example' contains 'ü', which a host name cannot hold (letters, digits, '-' and '.' only)",
        "[::1]              | '[::1]' is not an IPv6 address",
        "-vc.corp           | '-vc.corp' has a label that begins or ends with '-'",
        "vc-.corp           | 'vc-.corp' has a label that begins or ends with '-'",
        "a..b               | 'a..b' has an empty label (two dots in a row, or a dot first)",
        ".vc                | '.vc' has an empty label (two dots in a row, or a dot first)",
        "300.1.1.1          | '300.1.1.1' is not an IPv4 address: each of its four numbers is 0 to 255",
        "1.2.3              | '1.2.3' is neither an IPv4 address (four numbers) nor a host name (its last label is all digits)",
        "::g                | '::g' is not an IPv6 address",
        "1:2:3              | '1:2:3' is not an IPv6 address",
        "fe80::1%eth0       | 'fe80::1%eth0' is not an IPv6 address",
    })
    void whatIsWrongWithAHost(String host, String problem) {
        assertThat(HostNames.problem(host)).isEqualTo(problem);
    }

    @Test
    void aVeryLongHostIsQuotedShort() {
        assertThat(HostNames.problem("a".repeat(70_000))).isEqualTo("'" + "a".repeat(80)
                + "...' (70000 characters) is longer than a host name can be (253 characters)");
    }

    @Test
    void aDomainNameIsAHostNameButNoAddress() {
        assertThat(HostNames.domainProblem("vsphere.local")).isNull();
        assertThat(HostNames.domainProblem("CORP")).isNull();
        assertThat(HostNames.domainProblem("a b")).startsWith("'a b' contains ' '");
        assertThat(HostNames.domainProblem("10.0.0.1")).isEqualTo("'10.0.0.1' is an IP address, not a domain name");
        assertThat(HostNames.domainProblem("::1")).isEqualTo("'::1' is an IP address, not a domain name");
        assertThat(HostNames.domainProblem("vsphere.local:443")).startsWith("'vsphere.local:443' contains ':'");
    }
}
