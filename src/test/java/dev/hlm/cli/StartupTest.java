package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.hlm.cli.admin.AdminAddCommand;
import dev.hlm.cli.admin.AdminCommand;
import dev.hlm.cli.fleet.PlanCommand;
import dev.hlm.cli.link.LinkCommand;
import dev.hlm.cli.link.LinkListCommand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one reading of a command line's words before picocli parses them, and the commands it builds. */
class StartupTest {
    @Test
    void theCommandIsTheFirstWordThatIsNotAnOption() {
        assertThat(words("link", "list").command()).isEqualTo("link");
        assertThat(words("-v", "admin", "list").command()).isEqualTo("admin");
        assertThat(words("--no-such", "sim").command()).isEqualTo("sim");
        assertThat(words("--version").command()).isNull();
    }

    @Test
    void aNamedTargetsValueIsNoCommand() {
        assertThat(words("--target", "sddc-1", "link", "list").command()).isEqualTo("link");
        assertThat(words("--target", "sddc-1", "--fleet", "f.yaml", "admin", "list").rootOptionsOnly()).isTrue();
        assertThat(words("--target=sddc-1", "link").command()).isEqualTo("link");
        assertThat(Startup.commandsFor(new String[] {"--target", "admin", "link", "list"}))
                .containsExactly(entry(LinkCommand.class, List.of(LinkListCommand.class)));
    }

    @Test
    void helpCountsAnywhereVersionOnlyBeforeTheCommand() {
        assertThat(words("link", "list", "-h").help()).isTrue();
        assertThat(words("--help").help()).isTrue();
        assertThat(words("link", "list").help()).isFalse();
        assertThat(words("-V").version()).isTrue();
        assertThat(words("link", "--version").version()).isFalse();
    }

    @Test
    void theVerbIsTheNextWordWhenOnlyVerboseOrHelpComesBetween() {
        assertThat(words("link", "create", "--admin-group", "g@corp.local").verb()).isEqualTo("create");
        assertThat(words("-v", "link", "--verbose", "-h", "list").verb()).isEqualTo("list");
        assertThat(words("link").verb()).isNull();
        assertThat(words("link", "--json", "list").verb()).isNull();
        assertThat(words("link", "--", "list").verb()).isNull();
    }

    @Test
    void aRunBuildsOnlyTheCommandAndTheVerbItNames() {
        assertThat(Startup.commandsFor(new String[] {"link", "list", "--json"}))
                .containsExactly(entry(LinkCommand.class, List.of(LinkListCommand.class)));
        assertThat(Startup.commandsFor(new String[] {"--verbose", "admin", "add", "-h"}))
                .containsExactly(entry(AdminCommand.class, List.of(AdminAddCommand.class)));
        assertThat(Startup.commandsFor(new String[] {"plan", "--json"})).containsExactly(entry(PlanCommand.class, List.of()));
        assertThat(Startup.commandsFor(new String[] {"-v", "--version"})).isEmpty();
    }

    @Test
    void aCommandWithoutAKnownVerbGetsAllItsVerbs() {
        // 'hlm link' and 'hlm link --help' list them; picocli suggests among them for 'hlm link lst'.
        for (String[] args : List.of(new String[] {"link"}, new String[] {"link", "--help"}, new String[] {"link", "lst"},
                new String[] {"link", "--no-such", "list"})) {
            assertThat(Startup.commandsFor(args)).as(String.join(" ", args))
                    .containsExactly(entry(LinkCommand.class, LinkCommand.VERBS));
        }
    }

    @Test
    void helpAndMistakesBuildEveryCommand() {
        // The root's help lists them all, and picocli suggests among them.
        Map<Class<?>, List<Class<?>>> every = Startup.everyCommand();
        assertThat(every.keySet()).containsExactlyElementsOf(HlmCommand.COMMANDS);
        assertThat(every).containsEntry(LinkCommand.class, LinkCommand.VERBS).containsEntry(AdminCommand.class,
                AdminCommand.VERBS);
        assertThat(Startup.commandsFor(new String[] {})).isEqualTo(every);
        assertThat(Startup.commandsFor(new String[] {"--help"})).isEqualTo(every);
        assertThat(Startup.commandsFor(new String[] {"lnk", "list"})).isEqualTo(every);
        assertThat(Startup.commandsFor(new String[] {"--no-such", "link", "list"})).isEqualTo(every);
    }

    private static Startup.Words words(String... args) {
        return Startup.Words.of(args);
    }
}
