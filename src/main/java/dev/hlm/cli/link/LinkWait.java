package dev.hlm.cli.link;

import dev.hlm.api.Summary;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.ExitCodes;
import dev.hlm.cli.Spinner;
import dev.hlm.client.HlmClient;
import java.time.Duration;
import java.util.List;

/**
 * {@code link create --wait}: another run's create holds the cloud vCenter's one link slot, and its link is
 * listed only once made (minutes on a real vCenter). The API has no task to follow, so this lists the links
 * with growing pauses until one shows up. It never sends a create again: the other run may still fail, and
 * a retry would be a second create the user did not ask for.
 */
final class LinkWait {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private LinkWait() {}

    /** The links once there are any; a timeout (exit 3) when none shows up within {@code bound}. */
    static List<Summary> untilListed(CliContext ctx, HlmClient vc, String domain, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        Duration pause = FIRST_PAUSE;
        try (Spinner ignored = Spinner.start(ctx, "waiting for the link of " + domain + " being made by another run")) {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new CliException(ExitCodes.CONNECTION, "TIMEOUT", "no link of " + domain + " showed up on "
                            + vc.server().getHost() + " within " + bound.toSeconds() + " s (--link-timeout)",
                            "the other create may still be linking, or have failed (then nothing is listed): check "
                                    + "with 'hlm link list', and run 'hlm link create' again once no create is under way");
                }
                sleep(Duration.ofNanos(Math.min(pause.toNanos(), left)));
                List<Summary> links = vc.listLinks();
                if (!links.isEmpty()) {
                    return links;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(Math.max(1, pause.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.CONNECTION, "INTERRUPTED", "stopped while waiting for the link",
                    "check with 'hlm link list'");
        }
    }
}
