package dev.hlm.sim;

import dev.hlm.api.Flavor;
import java.util.Map;

/**
 * A request matched to a route: the request, the caller's session (null on public routes) and the values
 * of the route's path variables, such as {@code {link}}.
 */
record Call(SimRequest request, Session session, Map<String, String> pathVariables) {
    Flavor flavor() {
        return request.flavor();
    }

    String pathVariable(String name) {
        return pathVariables.get(name);
    }

    String body() {
        return request.body();
    }
}
