package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.Summary;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.UserForm;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code hlm link check} against the simulator: every check PASSes against a healthy pair, and each FAILs
 * when the simulator plays its failure. Nothing a check does changes the simulator's state.
 */
@WithSimulator
class LinkCheckIT {
    @TempDir
    Path dir;

    /** The run's rows by check id, from --json, and its exit code. */
    private record Checked(int exitCode, Map<String, JsonNode> rows, Cli.Result result) {
        String status(String check) {
            return rows.get(check).path("status").asText();
        }

        JsonNode row(String check) {
            return rows.get(check);
        }
    }

    private static Checked check(Map<String, String> env, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "link";
        args[1] = "check";
        args[2] = "--json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        Cli.Result r = Cli.run(env, args);
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        try {
            Json.mapper().readTree(r.out()).forEach(row -> rows.put(row.path("check").asText(), row));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r, e);
        }
        return new Checked(r.exitCode(), rows, r);
    }

    private static final List<String> ALL = List.of("cloud-dns", "cloud-login", "cloud-read", "cloud-manage", "existing-link",
            "psc-dns", "psc-tcp", "psc-cert-dates", "psc-cert-name", "psc-thumbprint", "psc-login", "psc-domain",
            "psc-version", "clocks", "admin-groups");

    /** Every check but the round trip, which depends on the machine's speed, PASSes. */
    private static void allPass(Checked c) {
        assertThat(c.rows().keySet()).containsExactlyElementsOf(ALL);
        c.rows().forEach((id, row) -> {
            if (!id.equals("psc-tcp")) {
                assertThat(row.path("status").asText()).as(id + ": " + row).isEqualTo("PASS");
                assertThat(row.has("remedy")).as(id).isFalse();
            }
        });
        assertThat(c.status("psc-tcp")).isIn("PASS", "WARN");
        assertThat(c.row("psc-tcp").path("observed").asText()).startsWith("connected to 127.0.0.1:");
        assertThat(c.exitCode()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ApiVersion.class, names = "V9_1", mode = EnumSource.Mode.EXCLUDE)
    void aHealthyPairPassesEveryCheckAndNothingChanges(ApiVersion version) {
        try (Simulator sim = Simulator.builder().apiVersion(version).build()) {
            Map<String, String> env = SimEnv.of(sim, dir);
            assertThat(Cli.run(env, "admin", "add", "keep@corp.local").exitCode()).isZero();
            List<Summary> links = sim.links();
            Set<String> administrators = sim.administrators();
            int before = sim.requests().size();

            Checked c = check(env, "--admin-group", "ops@corp.local");
            allPass(c);
            assertThat(c.row("psc-dns").path("observed").asText()).contains("127.0.0.1");
            assertThat(c.row("psc-domain").path("observed").asText()).contains("administrator@vsphere.local");
            assertThat(c.row("psc-version").path("observed").asText()).contains(sim.pscVersion());

            assertThat(sim.links()).isEqualTo(links);
            assertThat(sim.administrators()).isEqualTo(administrators);
            // The one request that is not a read or a session call: removing a link that cannot exist.
            List<RecordedRequest> sent = sim.requests().subList(before, sim.requests().size());
            assertThat(sent).filteredOn(r -> !r.method().equals("GET") && !r.path().contains("session"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.method()).isEqualTo("DELETE");
                        assertThat(r.path()).contains("/hvc/links/hlm-check-");
                    });
            assertThat(sim.openSessions()).isZero();
            // At the PSC (of the same release: /rest only before 7.0U2): login, who-am-I, version and logout, and
            // never a change.
            List<String> atPsc = sim.pscRequests().stream().map(r -> r.method() + " " + r.path()).toList();
            if (version.hasFlavor(Flavor.API)) {
                assertThat(atPsc).contains("POST /api/session", "GET /api/session", "DELETE /api/session");
            } else {
                assertThat(atPsc).contains("POST /rest/com/vmware/cis/session",
                        "POST /rest/com/vmware/cis/session?~action=get", "DELETE /rest/com/vmware/cis/session");
            }
            assertThat(atPsc).noneMatch(r -> r.startsWith("PUT") || r.contains("/hvc/"));
        }
    }

    @Test
    void textOutputIsAChecklistWithRemedies(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null), "link", "check");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(r.out()).contains("nothing is changed")
                .containsPattern("(?m)^PASS  Cloud vCenter login\\s+cloudadmin@vmc.local logged in")
                .containsPattern("(?m)^WARN  PSC thumbprint\\s+none given; the PSC presents SHA-256 "
                        + sim.pscCertificate().sha256())
                .containsPattern("(?m)^\\s+remedy: check that this is your PSC's certificate")
                .containsPattern("(?m)^SKIP  PSC login\\s+not tried")
                .containsPattern("15 checks: \\d+ PASS, \\d+ WARN, 0 FAIL, 3 SKIP\\. Not ready for 'hlm link create'");
        assertThat(Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null), "link", "check", "--strict")
                .exitCode()).isEqualTo(1);
    }

    @Test
    void cloudLoginFails(Simulator sim) {
        Checked c = check(SimEnv.with(SimEnv.of(sim, dir), "HLM_PASSWORD", "not-the-password"));
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.status("cloud-login")).isEqualTo("FAIL");
        assertThat(c.row("cloud-login").path("observed").asText()).contains("UNAUTHENTICATED");
        assertThat(c.row("cloud-login").path("remedy").asText()).contains("HLM_PASSWORD");
        for (String skipped : List.of("cloud-read", "cloud-manage", "existing-link")) {
            assertThat(c.status(skipped)).isEqualTo("SKIP");
        }
        assertThat(c.status("psc-login")).isEqualTo("PASS");
    }

    @Test
    void cloudCertificateNotTrustedFailsTheLoginWithItsThumbprint(Simulator sim) {
        Checked c = check(SimEnv.with(SimEnv.of(sim, dir), "HLM_CA_CERT", null));
        assertThat(c.status("cloud-login")).isEqualTo("FAIL");
        assertThat(c.row("cloud-login").path("remedy").asText())
                .contains("--thumbprint " + sim.cloudCertificate().sha256());
        assertThat(sim.requests()).noneSatisfy(r -> assertThat(r.headers()).containsKey("authorization"));
    }

    @Test
    void aReadOnlyUserCanReadButLacksHlmManage(Simulator sim) {
        Checked c = check(SimEnv.with(SimEnv.of(sim, dir),
                "HLM_USERNAME", sim.readOnlyUsername(), "HLM_PASSWORD", new String(sim.readOnlyPassword())));
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.status("cloud-login")).isEqualTo("PASS");
        assertThat(c.status("cloud-read")).isEqualTo("PASS");
        assertThat(c.status("cloud-manage")).isEqualTo("FAIL");
        assertThat(c.row("cloud-manage").path("remedy").asText()).contains("HLM.Manage", "cloudadmin");
    }

    @Test
    void aUserWithoutAnyRoleCannotReadHlmState() {
        try (Simulator sim = Simulator.builder().cloudUser("nobody@vmc.local", "nobody-pw-1".toCharArray(), Set.of())
                .build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir),
                    "HLM_USERNAME", "nobody@vmc.local", "HLM_PASSWORD", "nobody-pw-1");
            Checked c = check(env);
            assertThat(c.exitCode()).isEqualTo(1);
            assertThat(c.status("cloud-login")).isEqualTo("PASS");
            assertThat(c.status("cloud-read")).isEqualTo("FAIL");
            assertThat(c.row("cloud-read").path("observed").asText()).startsWith("UNAUTHORIZED: ");
            assertThat(c.row("cloud-read").path("remedy").asText()).contains("System.Read");
            assertThat(c.status("cloud-manage")).isEqualTo("FAIL");
            assertThat(c.status("existing-link")).isEqualTo("SKIP");

            Cli.Result status = Cli.run(env, "link", "status");
            assertThat(status.exitCode()).isEqualTo(ExitCodes.AUTH);
            assertThat(status.err()).startsWith("hlm: UNAUTHORIZED: ").contains("hint: ").contains("System.Read");
        }
    }

    @Test
    void theSameDomainLinkedPassesAnotherFailsWithTheUnlinkCommand(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();

        Checked same = check(env);
        assertThat(same.status("existing-link")).isEqualTo("PASS");
        assertThat(same.row("existing-link").path("observed").asText()).contains("already linked", id);
        assertThat(same.exitCode()).isZero();

        Checked other = check(env, "--domain-name", "other.local");
        assertThat(other.status("existing-link")).isEqualTo("FAIL");
        assertThat(other.row("existing-link").path("observed").asText()).contains("vsphere.local", id);
        assertThat(other.row("existing-link").path("remedy").asText()).contains("hlm link delete " + id);
        assertThat(sim.links()).hasSize(1);
    }

    @Test
    void aPscThatIsDownFailsTheConnect(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        sim.stopPsc();
        Checked c = check(env);
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.status("psc-dns")).isEqualTo("PASS");
        assertThat(c.status("psc-tcp")).isEqualTo("FAIL");
        assertThat(c.row("psc-tcp").path("observed").asText()).contains("cannot connect to 127.0.0.1:" + sim.pscPort());
        assertThat(c.row("psc-tcp").path("remedy").asText()).contains("firewall");
        for (String skipped : List.of("psc-cert-dates", "psc-cert-name", "psc-thumbprint", "psc-login",
                "psc-domain", "psc-version")) {
            assertThat(c.status(skipped)).as(skipped).isEqualTo("SKIP");
        }
        assertThat(c.status("clocks")).isEqualTo("WARN");
        assertThat(c.row("clocks").path("observed").asText()).contains("PSC's clock is unknown");
    }

    /** A PSC 200 ms away (--psc-latency) is above HLM's 100 ms round trip: a WARN, and nothing else changes. */
    @Test
    void aDistantPscWarnsOfTheRoundTrip() {
        try (Simulator sim = Simulator.builder().pscLatency(Duration.ofMillis(200)).build()) {
            Checked c = check(SimEnv.of(sim, dir));
            assertThat(c.status("psc-tcp")).as(c.row("psc-tcp").toString()).isEqualTo("WARN");
            assertThat(c.row("psc-tcp").path("observed").asText())
                    .startsWith("connected to 127.0.0.1:" + sim.pscPort()).contains("above the 100 ms HLM allows");
            assertThat(c.row("psc-tcp").path("remedy").asText()).contains("VPN or Direct Connect");
            assertThat(c.exitCode()).as("a WARN is not a failure").isZero();
            assertThat(check(SimEnv.of(sim, dir), "--strict").exitCode()).isEqualTo(1);
        }
    }

    @Test
    void anExpiredPscCertificateFails() {
        Instant now = Instant.now();
        GeneratedCertificate expired = GeneratedCertificate.builder("hlm-sim-psc")
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))).build();
        try (Simulator sim = Simulator.builder().pscCertificate(expired).build()) {
            Checked c = check(SimEnv.of(sim, dir));
            assertThat(c.exitCode()).isEqualTo(1);
            assertThat(c.status("psc-cert-dates")).isEqualTo("FAIL");
            assertThat(c.row("psc-cert-dates").path("observed").asText()).startsWith("expired on ");
            assertThat(c.status("psc-thumbprint")).isEqualTo("PASS");
        }
    }

    @Test
    void aPscCertificateForAnotherNameFails() {
        GeneratedCertificate misnamed = GeneratedCertificate.builder("hlm-sim-psc")
                .onlyNames(List.of("psc.elsewhere.test"), List.of()).build();
        try (Simulator sim = Simulator.builder().pscCertificate(misnamed).build()) {
            Checked c = check(SimEnv.of(sim, dir));
            assertThat(c.exitCode()).isEqualTo(1);
            assertThat(c.status("psc-cert-name")).isEqualTo("FAIL");
            assertThat(c.row("psc-cert-name").path("observed").asText())
                    .isEqualTo("issued for psc.elsewhere.test, not 127.0.0.1");
        }
    }

    @Test
    void aWrongThumbprintFailsAndNoPasswordGoesToThatPsc(Simulator sim) {
        String wrong = GeneratedCertificate.builder("impostor").build().sha256().toString();
        Checked c = check(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", wrong));
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.status("psc-thumbprint")).isEqualTo("FAIL");
        assertThat(c.row("psc-thumbprint").path("remedy").asText())
                .contains("--psc-thumbprint " + sim.pscCertificate().sha256());
        assertThat(c.status("psc-login")).isEqualTo("SKIP");
        assertThat(sim.pscRequests()).noneSatisfy(r -> assertThat(r.header("Authorization")).isPresent());
    }

    @Test
    void wrongPscCredentialsFailTheLogin(Simulator sim) {
        Checked c = check(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_PASSWORD", "not-the-psc-password"));
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.status("psc-login")).isEqualTo("FAIL");
        assertThat(c.row("psc-login").path("remedy").asText()).contains("--psc-username", "HLM_PSC_PASSWORD");
        assertThat(c.status("psc-domain")).isEqualTo("SKIP");
        assertThat(c.status("psc-version")).isEqualTo("SKIP");
    }

    @Test
    void aDomainThatIsNotThePscsFailsNamingTheRightOne(Simulator sim) {
        Checked c = check(SimEnv.of(sim, dir), "--domain-name", "corp.local");
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.status("psc-login")).isEqualTo("PASS");
        assertThat(c.status("psc-domain")).isEqualTo("FAIL");
        assertThat(c.row("psc-domain").path("observed").asText()).contains("vsphere.local, not corp.local");
        assertThat(c.row("psc-domain").path("remedy").asText()).isEqualTo("rerun with --domain-name vsphere.local");
    }

    /** Real vCenters often name a session's user the down-level way, {@code VSPHERE.LOCAL\Administrator}. */
    @Test
    void aPscThatNamesUsersDomainBackslashUserStillHasItsDomainChecked() {
        try (Simulator sim = Simulator.builder().pscUserForm(UserForm.DOWN_LEVEL).build()) {
            Checked wrong = check(SimEnv.of(sim, dir), "--domain-name", "corp.local");
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.status("psc-domain")).isEqualTo("FAIL");
            assertThat(wrong.row("psc-domain").path("observed").asText())
                    .contains("vsphere.local, not corp.local", "VSPHERE.LOCAL\\administrator");
            assertThat(wrong.row("psc-domain").path("remedy").asText()).isEqualTo("rerun with --domain-name vsphere.local");

            Checked right = check(SimEnv.of(sim, dir));
            assertThat(right.status("psc-domain")).as(right.toString()).isEqualTo("PASS");

            // The simulated cloud vCenter reads the PSC's domain the same way when it links.
            Cli.Result refused = Cli.run(SimEnv.of(sim, dir), "link", "create", "--domain-name", "corp.local");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.API_REFUSED);
            assertThat(refused.err()).contains("INVALID_ARGUMENT");
            Cli.Result linked = Cli.run(SimEnv.of(sim, dir), "link", "create");
            assertThat(linked.exitCode()).as(linked.toString()).isZero();
            assertThat(sim.links()).singleElement().satisfies(l -> assertThat(l.displayName()).isEqualTo("vsphere.local"));
        }
    }

    /** A PSC before 7.0U2 has no {@code /api}: it is checked, and linked, over the legacy {@code /rest}. */
    @Test
    void aPscBefore702IsCheckedAndLinkedOverRest() {
        try (Simulator sim = Simulator.builder().pscVersion("7.0.1").pscUserForm(UserForm.DOWN_LEVEL).build()) {
            Checked wrong = check(SimEnv.of(sim, dir), "--domain-name", "corp.local");
            assertThat(wrong.status("psc-login")).as(wrong.toString()).isEqualTo("PASS");
            assertThat(wrong.status("psc-domain")).isEqualTo("FAIL");
            assertThat(wrong.row("psc-domain").path("remedy").asText()).isEqualTo("rerun with --domain-name vsphere.local");
            assertThat(sim.pscRequests()).as("who-am-I the /rest way: POST ?~action=get after the login")
                    .filteredOn(r -> r.method().equals("POST") && r.path().startsWith("/rest/com/vmware/cis/session"))
                    .hasSizeGreaterThanOrEqualTo(2);

            Checked right = check(SimEnv.of(sim, dir));
            assertThat(right.status("psc-domain")).as(right.toString()).isEqualTo("PASS");
            assertThat(right.status("psc-version")).isEqualTo("PASS");
            Cli.Result linked = Cli.run(SimEnv.of(sim, dir), "link", "create");
            assertThat(linked.exitCode()).as(linked.toString()).isZero();
            assertThat(sim.links()).hasSize(1);
        }
    }

    @Test
    void anOldPscFailsTheVersionCheckAndCreateIsRefused() {
        try (Simulator sim = Simulator.builder().pscVersion("6.5.0").build()) {
            Map<String, String> env = SimEnv.of(sim, dir);
            Checked c = check(env);
            assertThat(c.exitCode()).isEqualTo(1);
            assertThat(c.status("psc-version")).isEqualTo("FAIL");
            assertThat(c.row("psc-version").path("observed").asText()).contains("6.5.0", "6.7");

            Cli.Result create = Cli.run(env, "link", "create");
            assertThat(create.exitCode()).isEqualTo(ExitCodes.API_REFUSED);
            assertThat(create.err()).startsWith("hlm: UNSUPPORTED: ").contains("hint: ").contains("6.7 or later");
            assertThat(sim.links()).isEmpty();
        }
    }

    @Test
    void clocksTenMinutesApartFailAndOneMinuteApartWarn() {
        try (Simulator sim = Simulator.builder().clockOffset(Duration.ofMinutes(15)).build()) {
            Checked c = check(SimEnv.of(sim, dir));
            assertThat(c.exitCode()).isEqualTo(1);
            assertThat(c.status("clocks")).isEqualTo("FAIL");
            assertThat(c.row("clocks").path("observed").asText()).contains("cloud vCenter +15m");
        }
        try (Simulator sim = Simulator.builder().pscClockOffset(Duration.ofMinutes(-3)).build()) {
            Checked c = check(SimEnv.of(sim, dir));
            assertThat(c.status("clocks")).isEqualTo("WARN");
            assertThat(c.row("clocks").path("remedy").asText()).contains("PSC's clock");
        }
    }

    @Test
    void malformedAdminGroupsFailTheCheckRatherThanTheCommandLine(Simulator sim) {
        Checked c = check(SimEnv.of(sim, dir), "--admin-group", "admins", "--admin-group", "ops@corp.local");
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.status("admin-groups")).isEqualTo("FAIL");
        assertThat(c.row("admin-groups").path("observed").asText()).contains("admins").doesNotContain("ops@");
    }

    @Test
    void checkTakesTheSameOptionsAsCreate() {
        Cli.Result create = Cli.run(Map.of(), "link", "create", "--help");
        Cli.Result check = Cli.run(Map.of(), "link", "check", "--help");
        for (String option : List.of("--psc-hostname", "--psc-port", "--domain-name", "--psc-username",
                "--psc-password-file", "--psc-password-stdin", "--psc-thumbprint", "--admin-group", "--server",
                "--username", "--ca-cert", "--thumbprint", "--api-flavor", "--json")) {
            assertThat(create.out()).contains(option);
            assertThat(check.out()).as(option).contains(option);
        }
        Cli.Result missing = Cli.run(Map.of(), "link", "check");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("hlm: USAGE: missing --server (or HLM_SERVER), ")
                .contains(", --psc-hostname (or HLM_PSC_HOSTNAME), the PSC password (");
    }
}
