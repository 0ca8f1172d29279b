package dev.hlm.sim;

import java.util.List;
import java.util.Map;

/**
 * What a handler answers: a status, an optional JSON body, and extra headers (such as the login cookie).
 *
 * @param body JSON text, or null for no body
 */
record SimResponse(int status, String body, Map<String, List<String>> headers) {
    SimResponse {
        headers = Map.copyOf(headers);
    }

    static SimResponse of(int status, String body) {
        return new SimResponse(status, body, Map.of());
    }

    SimResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new java.util.HashMap<>(headers);
        copy.put(name, List.of(value));
        return new SimResponse(status, body, copy);
    }
}
