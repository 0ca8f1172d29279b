package dev.hlm.cli.link;

import dev.hlm.cli.CliException;
import dev.hlm.cli.Env;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --link-timeout}: linking and unlinking take minutes on a real vCenter, so they wait longer than reads. */
public final class LinkTimeoutOption {
    @Env("HLM_LINK_TIMEOUT")
    @Option(names = "--link-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Wait up to SECONDS for the cloud vCenter to finish linking or unlinking; a real one takes "
                    + "minutes (default: ${DEFAULT-VALUE}) [env HLM_LINK_TIMEOUT]")
    int seconds = 600;

    Duration duration() {
        return checked(seconds);
    }

    /** The rule for every {@code --link-timeout}, also {@code link check}'s, which takes create's options. */
    static Duration checked(int seconds) {
        if (seconds < 1 || seconds > 86_400) {
            throw CliException.usage("--link-timeout must be 1 to 86400 seconds, not " + seconds, null);
        }
        return Duration.ofSeconds(seconds);
    }
}
