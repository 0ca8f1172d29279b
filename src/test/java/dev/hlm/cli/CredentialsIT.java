package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where passwords come from: the environment, a file (with a warning when others can read it), standard
 * input, or a prompt without echo; never needed on the command line, never printed.
 */
@WithSimulator
class CredentialsIT {
    @TempDir
    Path dir;

    private Map<String, String> withoutPasswords(Simulator sim) {
        return SimEnv.with(SimEnv.of(sim, dir), "HLM_PASSWORD", null, "HLM_PSC_PASSWORD", null);
    }

    private Path passwordFile(String name, char[] password, String permissions) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, new String(password) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--"})
    void aPasswordFileOthersCanReadIsUsedWithAWarning(String permissions, Simulator sim) throws Exception {
        Path vc = passwordFile("vc-password", sim.cloudAdminPassword(), permissions);
        Path psc = passwordFile("psc-password", sim.pscAdminPassword(), permissions);
        Cli.Result r = Cli.run(withoutPasswords(sim), "link", "create",
                "--password-file", vc.toString(), "--psc-password-file", psc.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("hlm: warning: --password-file: " + vc + " can be read by other users; chmod 600 it")
                .contains("hlm: warning: --psc-password-file: " + psc + " can be read by other users");
        assertThat(r.all()).doesNotContain(new String(sim.cloudAdminPassword()), new String(sim.pscAdminPassword()));
    }

    @Test
    void aPrivatePasswordFileIsUsedSilently(Simulator sim) throws Exception {
        Path vc = passwordFile("vc-password", sim.cloudAdminPassword(), "rw-------");
        Cli.Result r = Cli.run(withoutPasswords(sim), "link", "list", "--password-file", vc.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void onATerminalBothPasswordsAreAskedWithoutEcho(Simulator sim) {
        String vc = new String(sim.cloudAdminPassword());
        String psc = new String(sim.pscAdminPassword());
        ScriptedTerminal person = ScriptedTerminal.answering(vc, psc);
        Cli.Result r = Cli.runOnTerminal(withoutPasswords(sim), person, "link", "create");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // readSecret is the no-echo read (Console.readPassword on a real terminal).
        assertThat(person.prompts()).containsExactly("cloud vCenter password: ", "PSC password: ");
        assertThat(r.all()).doesNotContain(vc, psc);
        assertThat(sim.links()).hasSize(1);
    }

    @Test
    void standardInputMayEndLinesTheWindowsWay(Simulator sim) {
        String stdin = new String(sim.cloudAdminPassword()) + "\r\n" + new String(sim.pscAdminPassword()) + "\r\n";
        Cli.Result r = Cli.runWithStdin(withoutPasswords(sim), stdin, "link", "create", "--password-stdin",
                "--psc-password-stdin");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
    }

    @Test
    void theOriginalScriptsPasswordFlagsStillWorkWithAWarning(Simulator sim) {
        String vc = new String(sim.cloudAdminPassword());
        String psc = new String(sim.pscAdminPassword());
        Cli.Result r = Cli.run(withoutPasswords(sim), "link", "create", "-p", vc, "-pp", psc);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("-p/--password is visible to other users", "-pp/--pscpass is visible to other users");
        assertThat(r.all()).doesNotContain(vc, psc);
    }

    @Test
    void withoutAnySourceNoPasswordIsAskedForInScripts(Simulator sim) {
        Cli.Result r = Cli.run(withoutPasswords(sim), "link", "list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("missing the cloud vCenter password", "HLM_PASSWORD", "--password-file",
                "--password-stdin");
        assertThat(sim.requests()).isEmpty();
    }
}
