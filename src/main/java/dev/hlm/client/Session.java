package dev.hlm.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client's one session with its server: the login (which settles the flavor and, on first use, trust), the
 * token, its expiry, and its end. Login and logout are operations like the others, sent by {@link Calls}.
 *
 * <p>Two locks, each for one reason. Logins are single-flight: reads that run side by side (link status reads
 * the health of many links at once) share one login, under {@code loginLock}. Closing is serialised under
 * {@code closeLock}, so a second close (the exit hook's, say) waits for the first and {@link #end()} is final
 * after it. The state itself (flavor, token, closed) is one value swapped atomically: {@link #close()} from
 * another thread (a JVM shutdown hook on Ctrl-C) never waits for a login still waiting for its answer.
 */
final class Session {
    /** What the session is at one moment: before the login both are null; a closed session has no token. */
    private record State(Flavor flavor, String token, boolean closed) {}

    /** The session an operation is sent with. */
    record Current(Flavor flavor, String token) {}

    private final Calls calls;
    private final String username;
    private final char[] password;
    private final HlmClient.FlavorChoice flavorChoice;
    private final FirstUseTrust firstUse;
    private final String hostPort;

    private final AtomicReference<State> state = new AtomicReference<>(new State(null, null, false));
    private final Object loginLock = new Object();
    private final Object closeLock = new Object();
    private volatile boolean loginInFlight;
    private volatile HlmClient.SessionEnd end = HlmClient.SessionEnd.NONE;

    /** @param password copied; the copy is cleared on {@link #close()} */
    Session(Calls calls, String username, char[] password, HlmClient.FlavorChoice flavorChoice,
            FirstUseTrust firstUse, String hostPort) {
        this.calls = calls;
        this.username = username;
        this.password = password.clone();
        this.flavorChoice = flavorChoice;
        this.firstUse = firstUse;
        this.hostPort = hostPort;
    }

    /** The flavor settled by the first login; null before. */
    Flavor flavor() {
        return state.get().flavor();
    }

    /** The session to send with, logging in first when there is none. */
    Current open() {
        State now = state.get();
        if (now.token() != null) {
            return new Current(now.flavor(), now.token());
        }
        synchronized (loginLock) {
            now = state.get();
            if (now.closed()) {
                throw new TransportException(TransportException.Kind.INTERRUPTED, "login: the client is closed", null);
            }
            if (now.token() == null) {
                try {
                    negotiateLogin();
                } catch (TransportException e) {
                    if (!firstUse.trusted(e)) {
                        throw e;
                    }
                    negotiateLogin();
                }
            }
            now = state.get();
            return new Current(now.flavor(), now.token());
        }
    }

    /** The token for the next try of {@code operation}; fails once the client is closed. */
    String token(String operation) {
        String token = state.get().token();
        if (token == null) {
            throw new TransportException(TransportException.Kind.INTERRUPTED, operation + ": the client is closed", null);
        }
        return token;
    }

    /**
     * The server said the session {@code used} is gone: its token is never sent again, and the next operation
     * logs in afresh. Only that token: a read beside this one may have logged in anew already.
     */
    void expired(String used) {
        state.updateAndGet(s -> used.equals(s.token()) ? new State(s.flavor(), null, s.closed()) : s);
    }

    /** How {@link #close} ended the session: {@link HlmClient.SessionEnd#NONE} before then, or when there was none. */
    HlmClient.SessionEnd end() {
        return end;
    }

    /** Logs out if logged in, and forgets the password. Never throws; a second call waits for the first. */
    void close() {
        synchronized (closeLock) {
            State before = state.getAndUpdate(s -> new State(s.flavor(), null, true));
            if (before.closed()) {
                return;
            }
            try {
                if (before.token() != null) {
                    logout(before.flavor(), before.token());
                } else if (loginInFlight) {
                    // The server may be opening a session this client will never learn of, nor end.
                    end = HlmClient.SessionEnd.UNCONFIRMED;
                }
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    private void negotiateLogin() {
        Flavor known = state.get().flavor();
        if (known != null || flavorChoice == HlmClient.FlavorChoice.REST) {
            // Logging in again after the session expired: the flavor is known.
            loginWith(known != null ? known : Flavor.REST);
            return;
        }
        try {
            loginWith(Flavor.API);
        } catch (ApiException e) {
            // A server without /api (vSphere 6.7 to 7.0U1) answers the login with a routing 404.
            if (flavorChoice == HlmClient.FlavorChoice.AUTO && e.httpStatus() == 404) {
                loginWith(Flavor.REST);
            } else {
                throw e;
            }
        }
    }

    private void loginWith(Flavor f) {
        loginInFlight = true;
        JsonNode answer;
        try {
            answer = calls.send(f, Operations.login(basicAuthorization()), null);
        } finally {
            loginInFlight = false;
        }
        String token = answer.asText(null);
        if (token == null || token.isEmpty()) {
            throw new TransportException(TransportException.Kind.PROTOCOL, "login to " + hostPort
                    + " answered without a session token", null, TransportException.Delivery.UNKNOWN, true);
        }
        refuseUnusable(f, token);
        State opened = state.updateAndGet(s -> s.closed() ? s : new State(f, token, false));
        if (opened.closed()) {
            logout(f, token);
            throw new TransportException(TransportException.Kind.INTERRUPTED, "login: the client was closed meanwhile", null);
        }
    }

    /**
     * A token that is not one (docs/security.md T20) is never used and never shown: the session is ended with
     * it where a header can carry it, and the failure says whether that happened.
     */
    private void refuseUnusable(Flavor f, String token) {
        String problem = SessionToken.problem(token);
        if (problem == null) {
            return;
        }
        String ending;
        if (!SessionToken.sendable(token)) {
            end = HlmClient.SessionEnd.UNCONFIRMED;
            ending = "the session could not be ended (no header can carry that token): it will idle out on the server";
        } else {
            ending = logout(f, token) ? "the session was ended" : "ending the session failed: it will idle out on the server";
        }
        throw new TransportException(TransportException.Kind.PROTOCOL, "the session token from " + hostPort + " "
                + problem + "; hlm did not use it, and " + ending, null, TransportException.Delivery.ANSWERED, false);
    }

    /**
     * Repeated like a read when it fails in a way that may pass, each try with a short timeout: a logout runs
     * on every exit, Ctrl-C included, and must not hold it up; a session not ended here idles out anyway.
     */
    private boolean logout(Flavor f, String token) {
        try {
            calls.send(f, Operations.logout(token), null);
            end = HlmClient.SessionEnd.LOGGED_OUT;
            return true;
        } catch (HlmException e) {
            // A failed logout must not hide the command's result; who asks can learn of it (end()).
            end = HlmClient.SessionEnd.UNCONFIRMED;
            return false;
        }
    }

    private String basicAuthorization() {
        char[] pair = new char[username.length() + 1 + password.length];
        username.getChars(0, username.length(), pair, 0);
        pair[username.length()] = ':';
        System.arraycopy(password, 0, pair, username.length() + 1, password.length);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pair));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        Arrays.fill(pair, '\0');
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        String header = "Basic " + Base64.getEncoder().encodeToString(raw);
        Arrays.fill(raw, (byte) 0);
        return header;
    }
}
