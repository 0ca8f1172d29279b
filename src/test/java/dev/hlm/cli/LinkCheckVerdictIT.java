package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code link check} concludes: ready only when every check was made and none failed. A check that was
 * not made (SKIP) is named with its reason and exits {@link ExitCodes#NOT_VERIFIED}, for a wrong PSC password
 * or domain may hide behind it. And it takes every option of {@code link create}, so the same line checks.
 */
@WithSimulator
class LinkCheckVerdictIT {
    @TempDir
    Path dir;

    /** Without --psc-thumbprint the PSC's VMCA certificate is not trusted, so no password goes there. */
    private Map<String, String> untrustedPsc(Simulator sim, String... more) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_THUMBPRINT", null);
        return SimEnv.with(env, more);
    }

    @Test
    void aWrongPscPasswordAndDomainBehindSkippedChecksAreNotReady(Simulator sim) {
        Cli.Result r = Cli.run(untrustedPsc(sim, "HLM_PSC_PASSWORD", "not-the-psc-password"),
                "link", "check", "--domain-name", "wrong.local");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(r.out()).doesNotContain("Ready")
                .containsPattern("(?m)^SKIP  PSC login\\s+not tried")
                .containsPattern("15 checks: \\d+ PASS, \\d+ WARN, 0 FAIL, 3 SKIP\\. Not ready for 'hlm link create'")
                .contains("Not verified: PSC login (not tried, so the PSC password goes nowhere unverified: "
                        + "no --psc-thumbprint given, and the JDK does not trust the PSC's certificate); "
                        + "PSC SSO domain, PSC version (not checked: needs the PSC login)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonAndStrictRunsExitTheSameWay(Simulator sim) {
        Cli.Result json = Cli.run(untrustedPsc(sim), "link", "check", "--json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.NOT_VERIFIED);
        assertThat(json.out()).contains("\"status\" : \"SKIP\"");
        // --strict turns the WARN (no thumbprint) into a failure: something to fix comes before "not verified".
        assertThat(Cli.run(untrustedPsc(sim), "link", "check", "--strict").exitCode()).isEqualTo(ExitCodes.API_REFUSED);
    }

    @Test
    void everyCheckMadeAndPassedIsReady(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.of(sim, dir), "link", "check");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 SKIP. Ready for 'hlm link create' with the same options")
                .doesNotContain("Not verified");
    }

    @Test
    void aFailNamesWhatWasNotVerifiedToo(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_PASSWORD", "not-the-psc-password"),
                "link", "check");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.out()).contains("Fix the FAIL rows, then check again.")
                .contains("Not verified: PSC SSO domain, PSC version (not checked: needs the PSC login)");
    }

    @Test
    void theCreateLineWithCheckInPlaceOfCreateChecks(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        String[] options = {"--link-timeout", "30", "--dry-run", "--wait", "--admin-group", "ops@corp.local",
                "--psc-port", String.valueOf(sim.pscPort())};
        Cli.Result check = Cli.run(env, concat(new String[] {"link", "check"}, options));
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("Ready for 'hlm link create' with the same options");
        Cli.Result create = Cli.run(env, concat(new String[] {"link", "create"}, options));
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void checkRefusesABadLinkTimeoutAsCreateDoes(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.of(sim, dir), "link", "check", "--link-timeout", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'--link-timeout': '0' is out of range (1 to 86400 seconds)");
    }

    @Test
    void failIfExistsFailsTheExistingLinkRowWhenTheDomainIsLinked(Simulator sim) {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();
        assertThat(Cli.run(env, "link", "check").exitCode()).isZero();
        Cli.Result r = Cli.run(env, "link", "check", "--fail-if-exists");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.out()).containsPattern("(?m)^FAIL  Existing link\\s+already linked to vsphere.local \\(link "
                + id + "\\): link create --fail-if-exists will exit 1");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
