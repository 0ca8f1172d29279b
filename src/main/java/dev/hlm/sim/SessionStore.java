package dev.hlm.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The sessions of one server, keyed by token. A session unused for longer than the idle timeout is gone
 * (decision D12); expired ones are dropped when met, so no sweeper thread is needed.
 */
final class SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;
    private final Function<Account, String> displayUser;

    /**
     * @param displayUser how {@code GET /api/session} names the account (a PSC qualifies it with its domain)
     */
    SessionStore(Duration idleTimeout, Clock clock, Function<Account, String> displayUser) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.displayUser = displayUser;
    }

    Session open(Account account) {
        Session session = new Session(Passwords.token(), account, displayUser.apply(account), clock.instant());
        sessions.put(session.token(), session);
        return session;
    }

    /** The live session of this token, marked as used now; empty when unknown or expired. */
    Optional<Session> use(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session session = sessions.get(token);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(token, session);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    void close(Session session) {
        sessions.remove(session.token(), session);
    }

    /** Ends a token's session now, as if its idle time had run out (the {@code expire} fault). */
    void expire(String token) {
        sessions.remove(token);
    }

    /** Ends every session, as a restarted server would. */
    void clear() {
        sessions.clear();
    }

    /** Sessions logged in and neither logged out nor expired. */
    int openCount() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        return sessions.size();
    }

    private boolean expired(Session session, Instant now) {
        return session.lastAccessed().plus(idleTimeout).isBefore(now);
    }
}
