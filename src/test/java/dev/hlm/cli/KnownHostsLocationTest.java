package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the known hosts file lives by default: the XDG base directory rule, from the environment. */
class KnownHostsLocationTest {
    @Test
    void xdgConfigHomeWinsWhenItIsAnAbsolutePath() {
        assertThat(TrustChoice.defaultKnownHosts(Map.of("XDG_CONFIG_HOME", "/srv/cfg", "HOME", "/home/ann")))
                .isEqualTo(Path.of("/srv/cfg", "hlm", "known_hosts"));
    }

    @Test
    void withoutXdgConfigHomeItIsUnderHomeFromTheEnvironmentNotThePasswordDatabase() {
        assertThat(TrustChoice.defaultKnownHosts(Map.of("HOME", "/home/ann")))
                .isEqualTo(Path.of("/home/ann", ".config", "hlm", "known_hosts"));
    }

    @Test
    void aRelativeXdgConfigHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(TrustChoice.defaultKnownHosts(Map.of("XDG_CONFIG_HOME", "cfg", "HOME", "/home/ann")))
                .isEqualTo(Path.of("/home/ann", ".config", "hlm", "known_hosts"));
    }

    @Test
    void withNeitherVariableItFallsBackToTheUsersHomeDirectory() {
        assertThat(TrustChoice.defaultKnownHosts(Map.of("XDG_CONFIG_HOME", "", "HOME", "")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "hlm", "known_hosts"));
    }
}
