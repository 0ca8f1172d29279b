package dev.hlm.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.hlm.api.Json;
import java.util.Map;

/**
 * One API operation, described once and sent by {@link HlmClient}'s single executor in either flavor.
 * Adding an operation adds a descriptor, not an HTTP code path.
 *
 * @param method HTTP method
 * @param path resource path under the flavor prefix, query included (e.g. {@code /hvc/links/x?action=delete})
 * @param body the {@code /api} request body (bare), or null
 * @param restWrapper the key {@code /rest} wraps the body in ({@code "spec"} for create), or null when the
 *     body is already the parameter object both flavors send
 * @param result the decoded type of the answer, or null for void operations
 * @param repeatable true when sending it twice does no harm (reads; idempotent changes), so a call whose
 *     answer was lost may simply be sent again
 * @param slow true for the calls that take minutes on a real vCenter (linking, unlinking): they wait for
 *     the client's link timeout instead of its request timeout
 */
record Operation<T>(String name, String method, String path, Object body, String restWrapper, JavaType result,
        boolean repeatable, boolean slow) {

    /** A change that is not repeated when its answer is lost. */
    static Operation<Void> call(String name, String method, String path, Object body, String restWrapper) {
        return new Operation<>(name, method, path, body, restWrapper, null, false, false);
    }

    /** A change that ends in the same state however often it is sent (decision D11 for admin groups). */
    static Operation<Void> idempotent(String name, String method, String path, Object body, String restWrapper) {
        return new Operation<>(name, method, path, body, restWrapper, null, true, false);
    }

    /** Unlinking: slow, and not repeated blindly (a repeat of a delete that happened answers NOT_FOUND). */
    static Operation<Void> unlink(String name, String method, String path, Object body) {
        return new Operation<>(name, method, path, body, null, null, false, true);
    }

    static <T> Operation<T> query(String name, String path, Class<T> result) {
        return new Operation<>(name, "GET", path, null, null, Json.mapper().constructType(result), true, false);
    }

    static <T> Operation<T> query(String name, String path, TypeReference<T> result) {
        return new Operation<>(name, "GET", path, null, null, Json.mapper().constructType(result), true, false);
    }

    /** Linking: slow, and never sent twice blindly. */
    static <T> Operation<T> create(String name, String path, Object body, String restWrapper, Class<T> result) {
        return new Operation<>(name, "POST", path, body, restWrapper, Json.mapper().constructType(result), false, true);
    }

    /** True for every method but GET: what a dry run holds back. */
    boolean changesState() {
        return !"GET".equals(method);
    }

    /** The body as the flavor sends it. */
    Object bodyFor(dev.hlm.api.Flavor flavor) {
        if (body == null || flavor == dev.hlm.api.Flavor.API || restWrapper == null) {
            return body;
        }
        return Map.of(restWrapper, body);
    }
}
