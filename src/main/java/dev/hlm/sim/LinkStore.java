package dev.hlm.sim;

import dev.hlm.api.Summary;
import dev.hlm.tls.Thumbprint;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The links of the cloud vCenter. One domain at most (decision D5): a create first takes the single slot
 * with {@link #reserve}, then talks to the PSC without holding any lock, then commits or releases the slot.
 * So two concurrent creates can never both succeed, and the PSC round trip blocks nobody else.
 */
final class LinkStore {
    /** Enough for a long soak; older events are dropped first. */
    static final int HISTORY_CAPACITY = 100_000;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Deque<LinkEvent> history = new ArrayDeque<>();
    private final Clock clock;
    private Reservation pending;

    LinkStore(Clock clock) {
        this.clock = clock;
    }

    /** The slot held by a create in flight. */
    final class Reservation {
        private final String domainName;
        private boolean done;

        private Reservation(String domainName) {
            this.domainName = domainName;
        }

        /** Stores the link under a fresh random id (decision D1). */
        Link commit(PscAddress psc, Thumbprint thumbprint) {
            synchronized (LinkStore.this) {
                if (done) {
                    throw new IllegalStateException("reservation already used");
                }
                done = true;
                pending = null;
                Link link = new Link(UUID.randomUUID().toString(), domainName, psc, thumbprint, clock.instant());
                links.put(link.id(), link);
                record(new LinkEvent(LinkEvent.Kind.CREATED, link.id(), domainName));
                return link;
            }
        }

        /** Gives the slot back unless committed; safe to call more than once. */
        void release() {
            synchronized (LinkStore.this) {
                if (!done) {
                    done = true;
                    pending = null;
                }
            }
        }
    }

    /**
     * Takes the one slot for {@code domainName}.
     *
     * @throws ApiFailure ALREADY_EXISTS naming the linked domain, or the one being linked right now
     */
    synchronized Reservation reserve(String domainName) {
        if (!links.isEmpty()) {
            throw Errors.alreadyLinked(links.values().iterator().next().domainName(), false);
        }
        if (pending != null) {
            throw Errors.alreadyLinked(pending.domainName, true);
        }
        pending = new Reservation(domainName);
        return pending;
    }

    /** The domain of the create that holds the slot now, if one does: a link being made, not yet listed. */
    synchronized Optional<String> domainBeingLinked() {
        return pending == null ? Optional.empty() : Optional.of(pending.domainName);
    }

    synchronized Optional<Link> find(String id) {
        return Optional.ofNullable(links.get(id));
    }

    synchronized boolean remove(String id) {
        Link removed = links.remove(id);
        if (removed != null) {
            record(new LinkEvent(LinkEvent.Kind.REMOVED, id, removed.domainName()));
        }
        return removed != null;
    }

    /** Forgets every link and the history; a create in flight still ends as it would have. */
    synchronized void clear() {
        links.clear();
        history.clear();
    }

    /** Every link created and removed, oldest first (the last {@value #HISTORY_CAPACITY}). */
    synchronized List<LinkEvent> history() {
        return List.copyOf(history);
    }

    private void record(LinkEvent event) {
        if (history.size() == HISTORY_CAPACITY) {
            history.removeFirst();
        }
        history.addLast(event);
    }

    synchronized List<Summary> summaries() {
        List<Summary> result = new ArrayList<>();
        links.values().forEach(l -> result.add(l.summary()));
        return List.copyOf(result);
    }
}
