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
 */
record Operation<T>(String name, String method, String path, Object body, String restWrapper, JavaType result) {

    static Operation<Void> call(String name, String method, String path, Object body, String restWrapper) {
        return new Operation<>(name, method, path, body, restWrapper, null);
    }

    static <T> Operation<T> query(String name, String path, Class<T> result) {
        return new Operation<>(name, "GET", path, null, null, Json.mapper().constructType(result));
    }

    static <T> Operation<T> query(String name, String path, TypeReference<T> result) {
        return new Operation<>(name, "GET", path, null, null, Json.mapper().constructType(result));
    }

    static <T> Operation<T> create(String name, String path, Object body, String restWrapper, Class<T> result) {
        return new Operation<>(name, "POST", path, body, restWrapper, Json.mapper().constructType(result));
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
