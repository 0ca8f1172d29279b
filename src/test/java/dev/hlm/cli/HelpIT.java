package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command answers --help, and the help tells the truth about environment fallbacks and exit codes. */
class HelpIT {
    private static CommandLine commandLine() {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Main.context(Map.of(), java.io.InputStream.nullInputStream()));
    }

    private static List<CommandLine> allCommands(CommandLine cli) {
        List<CommandLine> all = new ArrayList<>(List.of(cli));
        cli.getSubcommands().values().forEach(sub -> all.addAll(allCommands(sub)));
        return all;
    }

    @Test
    void everyCommandHasHelp() {
        for (CommandLine cmd : allCommands(commandLine())) {
            List<String> path = new ArrayList<>(List.of(cmd.getCommandSpec().qualifiedName(" ").split(" ")));
            path.remove(0);
            path.add("--help");
            Cli.Result r = Cli.run(Map.of(), path.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", path)).isZero();
            assertThat(r.out()).startsWith("Usage: " + cmd.getCommandSpec().qualifiedName(" "));
        }
    }

    @Test
    void everyEnvironmentFallbackIsNamedInItsHelp() {
        int checked = 0;
        for (CommandLine cmd : allCommands(commandLine())) {
            for (OptionSpec option : cmd.getCommandSpec().options()) {
                if (option.userObject() instanceof AnnotatedElement e && e.getAnnotation(Env.class) != null) {
                    String var = e.getAnnotation(Env.class).value();
                    assertThat(String.join(" ", option.description())).as(option.longestName()).contains(var);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void rootHelpListsExitCodesAndCommands() {
        Cli.Result r = Cli.run(Map.of(), "--help");
        assertThat(r.out()).contains("Exit codes:", "link", "admin", "sim", "demo", "HLM_SERVER");
        for (String code : List.of("0", "1", "2", "3", "4", "5", "6")) {
            assertThat(r.out()).containsPattern("(?m)^\\s+" + code + "\\s");
        }
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Cli.Result r = Cli.run(Map.of(), "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("(?s)hlm \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void versionAloneAnswersAsPicocliWould() {
        // Main answers a bare --version without building picocli's model; the answer must not differ from its.
        StringWriter picocli = new StringWriter();
        int code = Main.commandLine(new PrintWriter(picocli, true), new PrintWriter(new StringWriter()),
                Main.context(Map.of(), java.io.InputStream.nullInputStream())).execute("--version");
        assertThat(code).isZero();
        for (String flag : List.of("--version", "-V")) {
            Cli.Result r = Cli.run(Map.of(), flag);
            assertThat(r.exitCode()).as(flag).isZero();
            assertThat(r.out()).as(flag).isEqualTo(picocli.toString()).contains("hlm ", "Java ");
            assertThat(r.err()).as(flag).isEmpty();
        }
    }

    @Test
    void environmentValuesBecomeDefaults() {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Main.context(Map.of("HLM_SERVER", "vc.example.com", "HLM_PSC_PORT", "8443"), java.io.InputStream.nullInputStream()));
        CommandLine.ParseResult parsed = cli.parseArgs("link", "create");
        CommandLine create = parsed.subcommand().subcommand().commandSpec().commandLine();
        assertThat(create.getCommandSpec().findOption("--server").<String>getValue()).isEqualTo("vc.example.com");
        assertThat(create.getCommandSpec().findOption("--psc-port").<Integer>getValue()).isEqualTo(8443);
    }

    /** Every command's help as typed: {@code --help}, {@code link --help}, {@code link create --help} ... */
    private static List<List<String>> helpCommands() {
        List<List<String>> all = new ArrayList<>();
        for (CommandLine cmd : allCommands(commandLine())) {
            List<String> path = new ArrayList<>(List.of(cmd.getCommandSpec().qualifiedName(" ").split(" ")));
            path.remove(0);
            path.add("--help");
            all.add(path);
        }
        return all;
    }

    @ParameterizedTest(name = "COLUMNS={0}")
    @ValueSource(ints = {80, 60, HelpText.MIN_WIDTH})
    void helpWrapsAtSpacesOutsideQuotesAndKeepsItsIndents(int width) {
        Pattern quoted = Pattern.compile("(?<!\\w)'[^'\\n]*\\s[^'\\n]*'(?!\\w)");
        for (List<String> help : helpCommands()) {
            String[] args = help.toArray(String[]::new);
            Cli.Result wide = Cli.run(Map.of("COLUMNS", "1000"), args);
            Cli.Result narrow = Cli.run(Map.of("COLUMNS", String.valueOf(width)), args);
            String what = String.join(" ", help) + " at " + width + " columns";
            assertThat(narrow.exitCode()).as(what).isZero();
            assertThat(narrow.out().lines()).as(what).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
            // Broken only at spaces: every word of the unwrapped help is still whole (paths, versions, JSON).
            Set<String> words = new HashSet<>(List.of(narrow.out().split("\\s+")));
            assertThat(wide.out().split("\\s+")).as(what).allSatisfy(word -> assertThat(words).contains(word));
            // A quoted example ('hlm link list', 'eval "$(hlm sim --background)"') stays on one line.
            Matcher examples = quoted.matcher(wide.out());
            while (examples.find()) {
                assertThat(narrow.out()).as(what).contains(examples.group());
            }
            // Rows of the footers' tables keep their indent on every line.
            for (String section : List.of("Environment:", "Faults: ")) {
                int start = narrow.out().indexOf("\n" + section);
                if (start >= 0) {
                    String rest = narrow.out().substring(narrow.out().indexOf('\n', start + 1) + 1);
                    List<String> rows = rest.lines().takeWhile(l -> !l.isEmpty()).toList();
                    assertThat(rows).as(what + ", " + section).isNotEmpty()
                            .allSatisfy(row -> assertThat(row).startsWith("  "));
                }
            }
        }
    }

    @Test
    void aJsonExampleIsNotSplitInsideAString() {
        Cli.Result r = Cli.run(Map.of("COLUMNS", "80"), "link", "delete", "--help");
        assertThat(r.out()).contains("\"DELETE\"|\"DELETE_WITH_CREDENTIALS\"}");
    }
}
