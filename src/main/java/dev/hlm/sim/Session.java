package dev.hlm.sim;

import dev.hlm.api.SessionInfo;
import java.time.Instant;

/** One logged-in session: whose it is and when it was last used (for the idle timeout, decision D12). */
final class Session {
    private final String token;
    private final Account account;
    private final String displayUser;
    private final Instant created;
    private volatile Instant lastAccessed;

    Session(String token, Account account, String displayUser, Instant created) {
        this.token = token;
        this.account = account;
        this.displayUser = displayUser;
        this.created = created;
        this.lastAccessed = created;
    }

    String token() {
        return token;
    }

    Account account() {
        return account;
    }

    Instant lastAccessed() {
        return lastAccessed;
    }

    void touch(Instant now) {
        lastAccessed = now;
    }

    SessionInfo info() {
        return new SessionInfo(displayUser, created.toString(), lastAccessed.toString());
    }
}
