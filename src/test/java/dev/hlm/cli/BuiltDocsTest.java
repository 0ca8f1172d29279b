package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the build leaves in target/generated-docs for the release archive (man/ as man/man1, completion/): a
 * man page per command, valid roff that man renders, and the scripts {@code hlm completion} prints. The build
 * makes them before the tests (process-test-classes); {@code -Dhlm.docs.skip=true} makes none, and then there
 * is nothing here to check.
 */
class BuiltDocsTest {
    private static final Path DOCS = Path.of(System.getProperty("user.dir"), "target", "generated-docs");
    private static final Path MAN = DOCS.resolve("man");

    @BeforeEach
    void built() {
        assumeFalse(Boolean.getBoolean("hlm.docs.skip"), "built with -Dhlm.docs.skip=true: no man pages to check");
        assertThat(MAN).as("the man pages, made by 'mvn process-test-classes' (or package, verify)").isDirectory();
    }

    @Test
    void aManPagePerCommandAndSubcommand() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (CommandLine command : CommandDocs.withSubcommands(CommandDocs.commandLine())) {
            expected.add(command.getCommandSpec().qualifiedName("-") + ".1");
        }
        try (Stream<Path> pages = Files.list(MAN)) {
            Set<String> made = pages.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(made).isEqualTo(expected).contains("hlm.1", "hlm-link.1", "hlm-link-create.1", "hlm-completion.1");
        }
    }

    @Test
    void eachPageHasItsHeaderNameSynopsisAndEveryOption() throws IOException {
        for (CommandLine command : CommandDocs.withSubcommands(CommandDocs.commandLine())) {
            String name = command.getCommandSpec().qualifiedName("-");
            String page = Files.readString(MAN.resolve(name + ".1"), StandardCharsets.UTF_8);
            assertThat(page).as(name)
                    .containsPattern("(?m)^" + Pattern.quote(".TH \"" + roff(name.toUpperCase()) + "\" \"1\" \"")
                            + "[^\"]+" + Pattern.quote("\" \"hlm " + System.getProperty("hlm.version") + "\" \"hlm manual\"")
                            + "$")
                    .contains(".SH \"NAME\"\n" + name + " \\- ", ".SH \"SYNOPSIS\"",
                            roff(command.getCommandSpec().qualifiedName(" ")));
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.hidden()) {
                    for (String optionName : option.names()) {
                        assertThat(page).as(name + " " + optionName).contains(roff(optionName));
                    }
                }
            }
        }
    }

    @Test
    @Tag("process") // starts groff and man
    void groffFindsNothingWrongAndManRendersThePage() throws Exception {
        assumeTrue(onPath("man") && onPath("groff"), "needs man and groff (Debian: apt-get install man-db groff)");
        List<String> groff = new ArrayList<>(List.of("groff", "-man", "-Tutf8", "-ww", "-z"));
        try (Stream<Path> pages = Files.list(MAN)) {
            pages.sorted().forEach(p -> groff.add(p.toString()));
        }
        assertThat(run(Map.of(), groff)).as("groff's warnings").isEmpty();

        String shown = run(Map.of("MANWIDTH", "1000"), List.of("man", "-l", MAN.resolve("hlm-link-create.1").toString()));
        assertThat(shown).contains("HLM-LINK-CREATE(1)", "NAME", "hlm-link-create - Link the on-prem SSO domain",
                "SYNOPSIS", "hlm link create [", "OPTIONS", "--psc-thumbprint=THUMBPRINT", "[env HLM_PSC_THUMBPRINT]",
                "https://host[:port]");
    }

    @Test
    void theCompletionScriptsAreWhatTheCommandPrints() throws IOException {
        for (String[] shellAndFile : new String[][] {{"bash", "hlm.bash"}, {"zsh", "_hlm"}}) {
            Cli.Result r = Cli.run(Map.of(), "completion", shellAndFile[0]);
            assertThat(r.exitCode()).isZero();
            assertThat(DOCS.resolve("completion").resolve(shellAndFile[1])).as(shellAndFile[1])
                    .content(StandardCharsets.UTF_8).isEqualTo(r.out());
        }
    }

    /** A name as roff writes it: every '-' escaped. */
    private static String roff(String text) {
        return text.replace("-", "\\-");
    }

    private static String run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
