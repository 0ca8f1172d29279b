package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.cli.admin.AdminCommand;
import dev.hlm.cli.link.LinkCommand;
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
                .containsExactly(dev.hlm.cli.link.LinkCommand.class);
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
    void aRunBuildsOnlyTheCommandItNames() {
        assertThat(Startup.commandsFor(new String[] {"link", "list", "--json"})).containsExactly(LinkCommand.class);
        assertThat(Startup.commandsFor(new String[] {"--verbose", "admin", "list"})).containsExactly(AdminCommand.class);
        assertThat(Startup.commandsFor(new String[] {"-v", "--version"})).isEmpty();
    }

    @Test
    void helpAndMistakesBuildEveryCommand() {
        // The root's help lists them all, and picocli suggests among them.
        assertThat(Startup.commandsFor(new String[] {})).isEqualTo(HlmCommand.COMMANDS);
        assertThat(Startup.commandsFor(new String[] {"--help"})).isEqualTo(HlmCommand.COMMANDS);
        assertThat(Startup.commandsFor(new String[] {"lnk", "list"})).isEqualTo(HlmCommand.COMMANDS);
        assertThat(Startup.commandsFor(new String[] {"--no-such", "link", "list"})).isEqualTo(HlmCommand.COMMANDS);
    }

    private static Startup.Words words(String... args) {
        return Startup.Words.of(args);
    }
}
