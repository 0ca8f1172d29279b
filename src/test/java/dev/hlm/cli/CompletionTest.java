package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code hlm completion bash} as a user installs it: the script it prints, sourced in a real bash, asked for
 * candidates the way bash asks when Tab is pressed (COMP_WORDS, COMP_CWORD, then the registered function).
 * {@code hlm completion zsh} in a real interactive zsh on a pseudo-terminal, installed both ways the help gives,
 * with a Tab typed ({@code zsh-tab.zsh}); zsh is skipped where it is missing, except on CI
 * ({@code -Dhlm.zsh.required=true}, or {@code CI} set), which installs it.
 */
class CompletionTest {
    @TempDir
    static Path dir;

    private static Path script;
    private static Path zshScript;
    private static Path zshDriver;

    @BeforeAll
    static void saveTheScripts() throws IOException {
        Cli.Result r = Cli.run(Map.of(), "completion", "bash");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        script = Files.writeString(dir.resolve("hlm.bash"), r.out());
        Cli.Result zsh = Cli.run(Map.of(), "completion", "zsh");
        assertThat(zsh.exitCode()).as(zsh.toString()).isZero();
        // Named _hlm in a directory of its own: the fpath way needs that name, and sourcing does not mind it.
        zshScript = Files.writeString(Files.createDirectories(dir.resolve("zfunc")).resolve("_hlm"), zsh.out());
        try (var in = CompletionTest.class.getResourceAsStream("zsh-tab.zsh")) {
            zshDriver = Files.write(dir.resolve("zsh-tab.zsh"), in.readAllBytes());
        }
    }

    @Test
    @Tag("process") // starts bash
    void completesCommandsSubcommandsOptionsAndEnumValues() throws Exception {
        assertThat(candidates("hlm", "li")).containsExactly("link");
        assertThat(candidates("hlm", "")).contains("link", "admin", "plan", "apply", "status", "about",
                "thumbprint", "sim", "demo", "completion");
        assertThat(candidates("hlm", "link", "")).containsExactlyInAnyOrder(
                "check", "create", "list", "get", "sync", "status", "delete");
        assertThat(candidates("hlm", "admin", "s")).containsExactly("set");
        assertThat(candidates("hlm", "link", "create", "--psc-th")).containsExactly("--psc-thumbprint");
        assertThat(candidates("hlm", "link", "create", "--api-flavor", "")).containsExactlyInAnyOrder(
                "AUTO", "API", "REST");
        assertThat(candidates("hlm", "completion", "")).containsExactlyInAnyOrder("bash", "zsh");
    }

    /** The script is made from the model, so every option of every command completes, none left out. */
    @Test
    @Tag("process") // starts bash, once per command
    void everyOptionOfEveryCommandCompletes() throws Exception {
        for (CommandLine command : CommandDocs.withSubcommands(CommandDocs.commandLine())) {
            List<String> words = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
            words.add("-");
            List<String> offered = candidates(words.toArray(String[]::new));
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertThat(offered).as(String.join(" ", words)).contains(option.names());
                }
            }
        }
    }

    /** Both ways the help gives: saved as _hlm on $fpath before compinit, and sourced after compinit. */
    @ParameterizedTest
    @ValueSource(strings = {"fpath", "source"})
    @Tag("process") // starts zsh, once per Tab
    void zshCompletesCommandsOptionsAndEnumValuesOnTab(String install) throws Exception {
        assertThat(zshCandidates(install, "hlm", "li")).containsExactly("link");
        assertThat(zshCandidates(install, "hlm", "")).contains("link", "admin", "plan", "apply", "status",
                "thumbprint", "sim", "demo", "completion");
        assertThat(zshCandidates(install, "hlm", "link", "")).containsExactlyInAnyOrder(
                "check", "create", "list", "get", "sync", "status", "delete");
        assertThat(zshCandidates(install, "hlm", "link", "create", "--psc-th")).containsExactly("--psc-thumbprint");
        assertThat(zshCandidates(install, "hlm", "link", "create", "--api-flavor", "")).containsExactlyInAnyOrder(
                "AUTO", "API", "REST");
    }

    /** In zsh too, every option of a command with many completes: the bash script's arrays survive bashcompinit. */
    @Test
    @Tag("process") // starts zsh
    void zshOffersEveryOptionOfLinkCreate() throws Exception {
        CommandLine create = CommandDocs.commandLine().getSubcommands().get("link").getSubcommands().get("create");
        List<String> offered = zshCandidates("fpath", "hlm", "link", "create", "-");
        for (OptionSpec option : create.getCommandSpec().options()) {
            if (!option.hidden()) {
                assertThat(offered).contains(option.names());
            }
        }
    }

    @Test
    void helpSaysHowToInstallIt() {
        Cli.Result r = Cli.run(Map.of("COLUMNS", "1000"), "completion", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: hlm completion").contains("source <(hlm completion bash)",
                "bash-completion", "_hlm", "fpath", "compinit", "Link ids are not completed");
    }

    @Test
    void anotherShellIsAUsageError() {
        Cli.Result r = Cli.run(Map.of(), "completion", "fish");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("hlm: USAGE: ").contains("'fish'", "bash, zsh").doesNotContain("at picocli.");
        assertThat(Cli.run(Map.of(), "completion").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theZshScriptIsTheBashOneForBashcompinitWithItsCompdefLine() {
        Cli.Result r = Cli.run(Map.of(), "completion", "zsh");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("#compdef hlm\n").contains("bashcompinit", "function _picocli_hlm_link_create()",
                "_bash_complete -F _complete_hlm");
    }

    /** What bash offers for the last word of {@code words}, as the completion function leaves it in COMPREPLY. */
    private static List<String> candidates(String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        // compopt only sets how readline shows the candidates, and refuses outside a Tab it is called from.
        String program = "compopt() { :; }\n"
                + "source \"$1\"\n"
                + "COMP_WORDS=(" + array + " )\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_hlm hlm \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        String out = succeeding(List.of("bash", "--norc", "--noprofile", "-c", program, "bash", script.toString()));
        return out.lines().filter(line -> !line.isEmpty()).map(String::strip).toList();
    }

    /** What zsh's completion system is given when Tab is pressed after {@code words}, installed as {@code install}. */
    private static List<String> zshCandidates(String install, String... words) throws IOException, InterruptedException {
        Path zsh = ExternalTool.find("zsh", "zsh", "/usr/bin/zsh", "apt-get install zsh");
        Path out = Files.createTempFile(dir, "zsh-candidates-", ".txt");
        List<String> command = new ArrayList<>(List.of(zsh.toString(), "-f", zshDriver.toString(), install,
                zshScript.toString(), out.toString()));
        command.addAll(List.of(words));
        succeeding(command);
        return Files.readString(out).lines().filter(line -> !line.isEmpty() && !line.equals("END"))
                .map(String::strip).toList();
    }

    /** Runs {@code command} with nothing on its input; its output (and errors) once it exited 0. */
    private static String succeeding(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command.get(0), out).isZero();
        return out;
    }
}
