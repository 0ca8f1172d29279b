package dev.hlm.cli.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.Main;
import dev.hlm.cli.Terminal;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README promises that {@code link check} takes the options of {@code link create}, so that a user can put
 * {@code check} in place of {@code create} in the same command line. This compares the two option sets as
 * picocli parses them, hidden script-style names included: an option added to create alone fails here.
 */
class LinkCheckOptionsTest {
    /** What check has and create has not: options only a check can mean. */
    private static final Set<String> CHECK_ONLY = Set.of("--strict");

    @Test
    void checkAcceptsEveryOptionOfCreate() {
        Set<String> create = names("create");
        Set<String> check = names("check");
        assertThat(create).contains("--link-timeout", "--fail-if-exists", "--dry-run", "--wait", "-pp", "-p");
        Set<String> missing = new TreeSet<>(create);
        missing.removeAll(check);
        assertThat(missing).as("options of link create that link check refuses").isEmpty();
        Set<String> extra = new TreeSet<>(check);
        extra.removeAll(create);
        assertThat(extra).as("options of link check that link create lacks").isEqualTo(CHECK_ONLY);
    }

    private static Set<String> names(String verb) {
        CliContext ctx = new CliContext(Map.of(), InputStream.nullInputStream(), Terminal.none());
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), ctx);
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : cli.getSubcommands().get("link").getSubcommands().get(verb).getCommandSpec().options()) {
            names.addAll(Set.of(option.names()));
        }
        return names;
    }
}
