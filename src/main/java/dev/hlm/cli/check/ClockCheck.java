package dev.hlm.cli.check;

import java.time.Duration;
import java.util.Optional;

/**
 * Clocks, as the {@code Date} headers of the cloud vCenter and the PSC show them against this machine's.
 * HLM's limit is between the two sites: more than 10 minutes apart FAILs (logins and tokens break), more
 * than 1 minute WARNs (NTP is not working somewhere). This machine being off is a WARN only, for it judges
 * the certificate dates. With one side unknown, that side is compared with this machine, and at best it
 * is a warning: the comparison that matters could not be made.
 */
final class ClockCheck {
    static final Duration LIMIT = Duration.ofMinutes(10);
    static final Duration DRIFT = Duration.ofMinutes(1);

    private ClockCheck() {}

    /**
     * @param cloud the cloud vCenter's clock minus this machine's, when known
     * @param psc the PSC's clock minus this machine's, when known
     */
    static void judge(Checklist list, Optional<Duration> cloud, Optional<Duration> psc) {
        if (cloud.isEmpty() && psc.isEmpty()) {
            list.skip(Check.CLOCKS, "not checked: neither the cloud vCenter nor the PSC answered with a Date");
            return;
        }
        if (cloud.isEmpty() || psc.isEmpty()) {
            oneSide(list, cloud.isPresent() ? "cloud vCenter" : "PSC", cloud.orElseGet(psc::get),
                    cloud.isPresent() ? "PSC" : "cloud vCenter");
            return;
        }
        Duration apart = cloud.get().minus(psc.get()).abs();
        String observed = "cloud vCenter " + signed(cloud.get()) + ", PSC " + signed(psc.get())
                + " against this machine; the two are " + plain(apart) + " apart";
        String culprit = culprit(cloud.get(), psc.get());
        if (apart.compareTo(LIMIT) > 0) {
            list.fail(Check.CLOCKS, observed, "HLM needs the sites within 10 minutes of each other: " + culprit);
        } else if (apart.compareTo(DRIFT) > 0) {
            list.warn(Check.CLOCKS, observed, "the sites drift apart: " + culprit);
        } else if (cloud.get().abs().compareTo(DRIFT) > 0 && psc.get().abs().compareTo(DRIFT) > 0) {
            list.warn(Check.CLOCKS, observed, "the sites agree, but this machine's clock is off, and it judges "
                    + "the certificate dates: set it right (NTP)");
        } else {
            list.pass(Check.CLOCKS, observed);
        }
    }

    private static void oneSide(Checklist list, String side, Duration offset, String unknown) {
        String observed = side + " " + signed(offset) + " against this machine (the " + unknown + "'s clock "
                + "is unknown: it did not answer)";
        String remedy = "set the clocks right with NTP; HLM needs the sites within 10 minutes of each other";
        if (offset.abs().compareTo(LIMIT) > 0) {
            list.fail(Check.CLOCKS, observed, remedy);
        } else if (offset.abs().compareTo(DRIFT) > 0) {
            list.warn(Check.CLOCKS, observed, remedy);
        } else {
            // What matters is the two sites against each other, and only one was seen.
            list.warn(Check.CLOCKS, observed, "check again when the " + unknown + " answers: HLM needs the sites "
                    + "within 10 minutes of each other");
        }
    }

    /** Which clock to fix: the one this machine disagrees with, when this machine agrees with the other. */
    private static String culprit(Duration cloud, Duration psc) {
        if (cloud.abs().compareTo(DRIFT) <= 0) {
            return "the PSC's clock is off; set up NTP on the on-prem vCenter (and its hosts)";
        }
        if (psc.abs().compareTo(DRIFT) <= 0) {
            return "the cloud vCenter's clock is off; that is VMware's side: open a support request";
        }
        return "set the clocks of both sites right with NTP";
    }

    /** {@code +15m 0s}, {@code -2m 5s}, {@code +0s}: to the nearest second, as the Date header has no more. */
    static String signed(Duration d) {
        return (seconds(d) < 0 ? "-" : "+") + plain(d);
    }

    static String plain(Duration d) {
        long seconds = Math.abs(seconds(d));
        if (seconds >= 3600) {
            return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
        }
        return seconds >= 60 ? seconds / 60 + "m " + seconds % 60 + "s" : seconds + "s";
    }

    private static long seconds(Duration d) {
        return Math.round(d.toMillis() / 1000.0);
    }
}
