package dev.hlm.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync state of each link's providers (decision D18): what replicates between the linked domains, each with
 * its last successful sync and, once one was started, its current session. A session moves through its stages
 * as time passes (detection, enumeration, application, each a third of {@code syncDuration}) and completes; a
 * start while one runs is refused (RESOURCE_BUSY); a reset restarts every provider at once.
 */
final class SyncProviders {
    /** The providers every link has: the SSO identities, tags and categories, and the trusted certificates. */
    static final List<String> PROVIDERS = List.of("identity", "tagging", "trust");
    /** The providers as {@code GET .../sync/providers} lists them. */
    static List<dev.hlm.api.SyncProvider> summaries() {
        return PROVIDERS.stream().map(dev.hlm.api.SyncProvider::new).toList();
    }

    static final long POLLING_INTERVAL_SECONDS = 300;
    static final int TOTAL_WORK = 100;

    enum Stage { CHANGE_DETECTION, CHANGE_ENUMERATION, CHANGE_APPLICATION, COMPLETED }

    /** One provider's state at a moment: {@code sessionStart} and {@code stage} null when none was started since linking. */
    record State(Instant lastSync, Instant sessionStart, Stage stage, int completedWork, Instant completion) {
        boolean running() {
            return stage != null && stage != Stage.COMPLETED;
        }
    }

    private final Clock clock;
    private final Duration syncDuration;
    /** Per link id, per provider: when its last started session began (absent: none started since linking). */
    private final Map<String, Map<String, Instant>> started = new HashMap<>();

    SyncProviders(Clock clock, Duration syncDuration) {
        this.clock = clock;
        this.syncDuration = syncDuration;
    }

    /** Each provider's state now, in {@link #PROVIDERS} order. */
    synchronized Map<String, State> states(Link link) {
        Map<String, State> states = new LinkedHashMap<>();
        for (String provider : PROVIDERS) {
            states.put(provider, state(link, provider, clock.instant()));
        }
        return states;
    }

    synchronized State state(Link link, String provider) {
        return state(link, provider, clock.instant());
    }

    private State state(Link link, String provider, Instant now) {
        Instant linkedAt = link.created(); // linking does the first sync of everything
        Instant start = started.getOrDefault(link.id(), Map.of()).get(provider);
        if (start == null) {
            return new State(linkedAt, null, null, 0, null);
        }
        Duration elapsed = Duration.between(start, now);
        if (elapsed.compareTo(syncDuration) >= 0) {
            Instant done = start.plus(syncDuration);
            return new State(done, start, Stage.COMPLETED, TOTAL_WORK, done);
        }
        double fraction = (double) elapsed.toMillis() / syncDuration.toMillis();
        Stage stage = Stage.values()[Math.min(2, (int) (fraction * 3))];
        return new State(linkedAt, start, stage, (int) (fraction * TOTAL_WORK), null);
    }

    /** Starts a session for one provider; false when one is running already. */
    synchronized boolean start(Link link, String provider) {
        Instant now = clock.instant();
        if (state(link, provider, now).running()) {
            return false;
        }
        started.computeIfAbsent(link.id(), l -> new HashMap<>()).put(provider, now);
        return true;
    }

    /** Cancels what runs and starts a fresh session for every provider. */
    synchronized void reset(Link link) {
        Instant now = clock.instant();
        Map<String, Instant> sessions = started.computeIfAbsent(link.id(), l -> new HashMap<>());
        PROVIDERS.forEach(p -> sessions.put(p, now));
    }

    synchronized void clear() {
        started.clear();
    }
}
