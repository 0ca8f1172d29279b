package dev.hlm.cli.link;

import dev.hlm.cli.Seconds;
import dev.hlm.cli.Env;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --link-timeout}: linking and unlinking take minutes on a real vCenter, so they wait longer than reads. */
public final class LinkTimeoutOption {
    @Env("HLM_LINK_TIMEOUT")
    @Option(names = "--link-timeout", paramLabel = "SECONDS", defaultValue = "600",
            converter = Seconds.UpToADay.class,
            description = "Wait up to SECONDS (1 to 86400) for the cloud vCenter to finish linking or unlinking; a real one takes "
                    + "minutes (default: ${DEFAULT-VALUE}) [env HLM_LINK_TIMEOUT]")
    int seconds = 600;

    /** The range is checked while the command line is read ({@link Seconds}). */
    Duration duration() {
        return Duration.ofSeconds(seconds);
    }
}
