package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for a password's text, from every source (docs/security.md T23, T24): a leading byte order mark and
 * one line ending at the end are not part of it; bytes that are not UTF-8, a NUL, a second line and nothing at
 * all are refused before anything is sent, naming the source and never the text. The simulator's accounts
 * have non-ASCII passwords, so a password that arrives as anything but what was meant fails its login.
 */
class PasswordRuleIT {
    private static final String VC_PASSWORD = "Grüße-€-1";
    private static final String PSC_PASSWORD = "naïve-pässwörd";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;
    private Simulator sim;

    @BeforeEach
    void start() {
        sim = Simulator.builder().cloudAdmin("cloudadmin@vmc.local", VC_PASSWORD.toCharArray())
                .pscAdmin("administrator@vsphere.local", PSC_PASSWORD.toCharArray()).build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Map<String, String> env() {
        return SimEnv.with(SimEnv.of(sim, dir), "HLM_USERNAME", "cloudadmin@vmc.local", "HLM_PASSWORD", null,
                "HLM_PSC_PASSWORD", null);
    }

    private Path file(String name, byte[]... parts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = dir.resolve(name);
        Files.write(file, bytes.toByteArray());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Cli.Result listWithFile(Path file) {
        return Cli.run(env(), "link", "list", "--password-file", file.toString());
    }

    private int sentBefore;

    private Cli.Result listWithPasswordEnv(String password) {
        sentBefore = sim.requests().size();
        return Cli.run(SimEnv.with(env(), "HLM_PASSWORD", password), "link", "list");
    }

    private void assertRefused(Cli.Result r, String firstLine) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().findFirst().orElse("")).isEqualTo("hlm: USAGE: " + firstLine);
        assertThat(r.err()).contains("hint: a password is UTF-8 text on one line").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(sim.requests().subList(sentBefore, sim.requests().size()))
                .as("nothing is sent with a password that is not one").isEmpty();
    }

    @Test
    void aByteOrderMarkAndOneNewlineInAFileAreNotPartOfThePassword() throws Exception {
        for (String ending : new String[] {"", "\n", "\r\n"}) {
            Cli.Result r = listWithFile(file("pw", BOM, utf8(VC_PASSWORD), utf8(ending)));
            assertThat(r.exitCode()).as("ending %s: %s", ending.replace("\r", "CR").replace("\n", "LF"), r).isZero();
        }
    }

    @Test
    void aByteOrderMarkOnStandardInputIsNotPartOfThePassword() {
        byte[] stdin = (new String(BOM, StandardCharsets.UTF_8) + VC_PASSWORD + "\n" + PSC_PASSWORD + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Cli.Result r = Cli.runWithStdinBytes(env(), stdin, "link", "create", "--password-stdin", "--psc-password-stdin");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(sim.links()).hasSize(1);
    }

    @Test
    void theEnvironmentFollowsTheSameRule() {
        assertThat(listWithPasswordEnv("\uFEFF" + VC_PASSWORD + "\n").exitCode()).isZero();
        Cli.Result r = listWithPasswordEnv(VC_PASSWORD + "\nsecond");
        assertRefused(r, "HLM_PASSWORD: the cloud vCenter password holds more than one line (a line break at character "
                + (VC_PASSWORD.length() + 1) + ")");
    }

    @Test
    void invalidUtf8InAFileIsRefusedNotTurnedIntoReplacementCharacters() throws Exception {
        Path pw = file("pw", utf8("Gr"), new byte[] {(byte) 0xFC}, utf8("ße\n"));
        assertRefused(listWithFile(pw), "--password-file: " + pw + " is not UTF-8 text");
    }

    @Test
    void invalidUtf8OnStandardInputIsRefusedToo() {
        Cli.Result r = Cli.runWithStdinBytes(env(), new byte[] {'G', 'r', (byte) 0xFC, '\n'}, "link", "list",
                "--password-stdin");
        assertRefused(r, "--password-stdin: the line on standard input is not UTF-8 text");
    }

    @Test
    void aNulIsRefusedInAFileAndOnStandardInputAlike() throws Exception {
        Path pw = file("pw", utf8(VC_PASSWORD), new byte[] {0}, utf8("rest\n"));
        assertRefused(listWithFile(pw), "--password-file: " + pw + " holds a NUL character");
        Cli.Result r = Cli.runWithStdinBytes(env(), utf8(VC_PASSWORD + "\0rest\n"), "link", "list", "--password-stdin");
        assertRefused(r, "--password-stdin: the line on standard input holds a NUL character");
    }

    @Test
    void aSecondLineInAFileIsRefusedNotSilentlyDropped() throws Exception {
        Path pw = file("pw", utf8(VC_PASSWORD + "\nsomething else\n"));
        assertRefused(listWithFile(pw), "--password-file: " + pw + " holds more than one line (a line break at character "
                + (VC_PASSWORD.length() + 1) + ")");
    }

    @Test
    void aFileOfOnlyANewlineOrAByteOrderMarkIsEmpty() throws Exception {
        Path newline = file("newline", utf8("\n"));
        assertRefused(listWithFile(newline), "--password-file: " + newline + " is empty");
        Path bom = file("bom", BOM);
        assertRefused(listWithFile(bom), "--password-file: " + bom + " is empty");
    }
}
