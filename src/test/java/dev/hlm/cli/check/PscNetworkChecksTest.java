package dev.hlm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.client.SafeText;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.Thumbprint;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judgments of the PSC network checks, on values made up here: no sockets. */
class PscNetworkChecksTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static PreflightInput input(String host, Thumbprint thumbprint) {
        return new PreflightInput(host, 443, "vsphere.local", "administrator@vsphere.local", thumbprint, List.of());
    }

    private static CheckResult only(Checklist list) {
        assertThat(list.rows()).hasSize(1);
        return list.rows().get(0);
    }

    private static X509Certificate valid(Instant from, Instant until) {
        return GeneratedCertificate.builder("psc").validity(from, until).build().certificate();
    }

    @Test
    void roundTripAbove100MillisecondsWarns() {
        Checklist fast = new Checklist();
        PscNetworkChecks.roundTrip(fast, "10.0.0.1:443", Duration.ofMillis(100));
        assertThat(only(fast).status()).isEqualTo(CheckStatus.PASS);
        assertThat(only(fast).observed()).contains("10.0.0.1:443", "100.0 ms");

        Checklist slow = new Checklist();
        PscNetworkChecks.roundTrip(slow, "10.0.0.1:443", Duration.ofMillis(140));
        assertThat(only(slow).status()).isEqualTo(CheckStatus.WARN);
        assertThat(only(slow).remedy()).contains("100 ms");
    }

    @Test
    void certificateDates() {
        Checklist ok = new Checklist();
        PscNetworkChecks.dates(ok, valid(NOW.minusSeconds(86400), NOW.plus(Duration.ofDays(400))), NOW);
        assertThat(only(ok).status()).isEqualTo(CheckStatus.PASS);

        Checklist expired = new Checklist();
        PscNetworkChecks.dates(expired, valid(NOW.minus(Duration.ofDays(400)), NOW.minusSeconds(60)), NOW);
        assertThat(only(expired).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(expired).observed()).startsWith("expired on ");
        assertThat(only(expired).remedy()).contains("renew");

        Checklist early = new Checklist();
        PscNetworkChecks.dates(early, valid(NOW.plusSeconds(3600), NOW.plus(Duration.ofDays(400))), NOW);
        assertThat(only(early).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(early).observed()).startsWith("not valid before ");

        Checklist soon = new Checklist();
        PscNetworkChecks.dates(soon, valid(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(10))), NOW);
        assertThat(only(soon).status()).isEqualTo(CheckStatus.WARN);
        assertThat(only(soon).observed()).contains("in 10 days");
    }

    @Test
    void certificateName() {
        X509Certificate cert = GeneratedCertificate.builder("psc").onlyNames(List.of("psc.corp.local"), List.of())
                .build().certificate();
        Checklist ok = new Checklist();
        PscNetworkChecks.name(ok, cert, input("psc.corp.local", null));
        assertThat(only(ok).status()).isEqualTo(CheckStatus.PASS);

        Checklist other = new Checklist();
        PscNetworkChecks.name(other, cert, input("10.0.0.5", null));
        assertThat(only(other).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(other).observed()).isEqualTo("issued for psc.corp.local, not 10.0.0.5");
        assertThat(only(other).remedy()).contains("--psc-hostname", "psc.corp.local");
    }

    @Test
    void thumbprintGivenMatchesOrNot() {
        GeneratedCertificate psc = GeneratedCertificate.builder("psc").build();
        Checklist none = new Checklist();
        PscNetworkChecks.thumbprint(none, psc.certificate(), input("psc", null));
        assertThat(only(none).status()).isEqualTo(CheckStatus.WARN);
        assertThat(only(none).remedy()).contains("--psc-thumbprint " + psc.sha256(), "UNVERIFIED_PEER");

        Checklist same = new Checklist();
        PscNetworkChecks.thumbprint(same, psc.certificate(), input("psc", Thumbprint.sha1(psc.certificate())));
        assertThat(only(same).status()).isEqualTo(CheckStatus.PASS);

        Thumbprint other = GeneratedCertificate.builder("other").build().sha256();
        Checklist wrong = new Checklist();
        PscNetworkChecks.thumbprint(wrong, psc.certificate(), input("psc", other));
        assertThat(only(wrong).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(wrong).observed()).contains(psc.sha256().toString(), other.toString());
    }

    @Test
    void adminGroupsMustLookLikeGroupAtDomain() {
        Checklist none = new Checklist();
        AdminGroupCheck.judge(none, List.of());
        assertThat(only(none).status()).isEqualTo(CheckStatus.PASS);

        Checklist good = new Checklist();
        AdminGroupCheck.judge(good, List.of("ops@corp.local", "VMC Admins@corp.local"));
        assertThat(only(good).status()).isEqualTo(CheckStatus.PASS);

        Checklist bad = new Checklist();
        AdminGroupCheck.judge(bad, List.of("ops@corp.local", "admins", "a@b@c"));
        assertThat(only(bad).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(only(bad).observed()).contains("'admins'", "'a@b@c'", "group@domain").doesNotContain("ops@");

        Checklist hidden = new Checklist();
        AdminGroupCheck.judge(hidden, List.of("ops\n@corp.local", "vmc\u200badmins@corp.local"));
        assertThat(only(hidden).status()).isEqualTo(CheckStatus.FAIL);
        // The row quotes the names as given (exact in --json); link check prints it escaped.
        assertThat(SafeText.escape(only(hidden).observed()))
                .contains("'ops\\x0a@corp.local' contains a control character (\\x0a)",
                        "'vmc\\u200badmins@corp.local' contains an invisible character (\\u200b)");
    }
}
