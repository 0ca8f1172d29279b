package dev.hlm.sim;

import dev.hlm.api.Flavor;
import dev.hlm.api.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Dispatch by method, flavor, path and {@code ?action=}. A route exists only if registered, so a server
 * leaves out what its version lacks and the caller gets the flavor's not-found shape.
 *
 * <p>Before a handler runs, the router enforces the route's {@link Access}: a session first (401, before the
 * body is even looked at), then the privilege (403). A method that does not match any route on a known path
 * is answered as an unknown route (404), the way the vAPI REST dispatcher matches method and path together.
 */
final class Router {
    @FunctionalInterface
    interface Handler {
        SimResponse handle(Call call);
    }

    /** Finds the caller's session, or fails with UNAUTHENTICATED. */
    @FunctionalInterface
    interface Authenticator {
        Session authenticate(SimRequest request);
    }

    private record Route(String method, Flavor flavor, List<String> template, String action, Access access,
            Handler handler) {

        /** The path variables when this route matches, else null. */
        Map<String, String> match(SimRequest request) {
            if (!method.equals(request.method()) || flavor != request.flavor()
                    || template.size() != request.segments().size()
                    || !Objects.equals(action, request.action().orElse(null))) {
                return null;
            }
            Map<String, String> variables = new HashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String expected = template.get(i);
                String actual = request.segments().get(i);
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    if (actual.isEmpty()) {
                        return null;
                    }
                    variables.put(expected.substring(1, expected.length() - 1), actual);
                } else if (!expected.equals(actual)) {
                    return null;
                }
            }
            return variables;
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final Authenticator authenticator;

    Router(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /**
     * @param path below the flavor prefix, e.g. {@code /hvc/links/{link}}
     * @param action the {@code ?action=} value the route answers, or null for none
     */
    Router add(String method, Flavor flavor, String path, String action, Access access, Handler handler) {
        List<String> template = List.of(path.substring(1).split("/", -1));
        routes.add(new Route(method, flavor, template, action, access, handler));
        return this;
    }

    /**
     * A route as it is served: method, full path ({@code /api/hvc/links/{link}}) and {@code ?action=} value or
     * null. What the apiexplorer must document, and what its coverage test reads.
     */
    record Served(String method, String path, String action) {}

    /** Every route registered, in registration order. */
    List<Served> served() {
        return routes.stream()
                .map(r -> new Served(r.method(), r.flavor().prefix() + "/" + String.join("/", r.template()), r.action()))
                .toList();
    }

    SimResponse dispatch(SimRequest request) {
        for (Route route : routes) {
            Map<String, String> variables = route.match(request);
            if (variables != null) {
                Session session = admit(route.access(), request);
                return route.handler().handle(new Call(request, session, Map.copyOf(variables)));
            }
        }
        return Responses.routeNotFound(request.flavor());
    }

    /** Whether a route answers this request (its method, path and action), before access is checked. */
    boolean serves(SimRequest request) {
        return routes.stream().anyMatch(route -> route.match(request) != null);
    }

    private Session admit(Access access, SimRequest request) {
        if (access == Access.PUBLIC) {
            return null;
        }
        Session session = authenticator.authenticate(request);
        Privilege needed = access.privilege();
        if (needed != null && !session.account().has(needed)) {
            throw Errors.missingPrivilege(session.account().username(), needed);
        }
        return session;
    }

    /** The token of a request: the session header, else the cookie the legacy login set (decision D4). */
    static Optional<String> sessionToken(SimRequest request) {
        return request.header(Paths.SESSION_HEADER).or(() -> request.cookie(Paths.SESSION_COOKIE));
    }
}
