package dev.hlm.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.hlm.api.Flavor;
import java.util.Map;
import java.util.function.Function;

/**
 * One API operation, described once and sent by the single executor ({@link Calls}) in either flavor: what
 * goes on the wire, what comes back, and how the executor must treat it. Every operation hlm sends, the
 * session's own included, is one of these; {@link Operations} lists them all. Adding an operation adds a
 * descriptor, not an HTTP code path.
 *
 * @param name for messages and notes, e.g. {@code create link}
 * @param route the method and the whole path (query included) in a flavor: most operations put a resource
 *     path under the flavor's prefix, the session's own live elsewhere and differ in method too
 * @param body the {@code /api} request body (bare), or null
 * @param restWrapper the key {@code /rest} wraps the body in ({@code "spec"} for create), or null when the
 *     body is already the parameter object both flavors send
 * @param result the decoded type of the answer, or null for void operations
 * @param effect what sending it does, which decides whether a lost answer may be sent again and whether a
 *     dry run holds it back
 * @param timeout which timeout bounds it
 * @param authorization the header that authenticates it: empty for the session's token, which the executor
 *     adds; the login's Basic authorization and the logout's token are the operation's own
 * @param requires what the server must offer for the operation to be sent at all, or null when every server
 *     with the HLM API has it ({@link ServerFacts#require} refuses it before sending otherwise)
 */
record Operation<T>(String name, Function<Flavor, Route> route, Object body, String restWrapper, JavaType result,
        Effect effect, Timeout timeout, Map<String, String> authorization, HlmOperation requires) {

    /** Where an operation goes in one flavor. */
    record Route(String method, String path) {}

    enum Effect {
        /** Changes nothing: repeated when its answer is lost, sent in a dry run. */
        READ,
        /** Ends in the same state however often it is sent (decision D11 for admin groups): repeated, planned in a dry run. */
        IDEMPOTENT_CHANGE,
        /** A change never sent twice blindly (create, delete): a lost answer is settled by listing ({@link LostAnswers}). */
        CHANGE
    }

    enum Timeout {
        /** The client's request timeout, cut to what is left of its deadline. */
        REQUEST,
        /** Linking and unlinking take minutes on a real vCenter: the link timeout, cut to the deadline. */
        LINK,
        /** A logout runs on every exit, past the deadline too: a short timeout of its own ({@link Deadline#forLogout}). */
        LOGOUT
    }

    /** An operation of the HLM API (under {@code /hvc}), which vSphere 9.1 and later do not have. */
    boolean ofHlmApi() {
        return route.apply(Flavor.API).path().startsWith(Flavor.API.path("/hvc/"));
    }

    /** Sending it twice does no harm, so a call whose answer was lost may simply be sent again. */
    boolean repeatable() {
        return effect != Effect.CHANGE;
    }

    /** What a dry run holds back. */
    boolean changesState() {
        return effect != Effect.READ;
    }

    /** The body as the flavor sends it. */
    Object bodyFor(Flavor flavor) {
        if (body == null || flavor == Flavor.API || restWrapper == null) {
            return body;
        }
        return Map.of(restWrapper, body);
    }

    /** Names the operation only: its body and authorization may hold secrets. */
    @Override
    public String toString() {
        return "Operation[" + name + "]";
    }
}
