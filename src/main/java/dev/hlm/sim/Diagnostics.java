package dev.hlm.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.VapiError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's own endpoints, served by the cloud vCenter under {@code /sim/}, beside (and never part of)
 * the vCenter API; no session needed, as the simulator listens on loopback only. For benchmarks and scripts
 * that drive {@code hlm sim} from outside the JVM:
 *
 * <ul>
 *   <li>{@code GET /sim/stats}: the {@link Traffic} of both servers,
 *       {@code {"cloud":{"requests":3,"tls_handshakes":1},"psc":{...}}};
 *   <li>{@code DELETE /sim/state}: {@link Simulator#reset()}, answered 204;
 *   <li>{@code POST /sim/psc?state=down} and {@code ?state=up}: {@link Simulator#stopPsc()} and
 *       {@link Simulator#startPsc()}, answered 204: a PSC gone down makes every link UNHEALTHY (decision D10),
 *       which a monitoring run of {@code hlm link status --nagios} reports CRITICAL.
 * </ul>
 *
 * Neither is counted in the traffic, nor delayed by the simulator's latency.
 */
final class Diagnostics implements HttpHandler {
    static final String STATS = SimServer.DIAGNOSTICS + "stats";
    static final String STATE = SimServer.DIAGNOSTICS + "state";
    static final String PSC = SimServer.DIAGNOSTICS + "psc";

    private final Simulator sim;

    Diagnostics(Simulator sim) {
        this.sim = sim;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readNBytes(SimServer.MAX_BODY_BYTES);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.equals(STATS) && method.equals("GET")) {
                Map<String, Traffic> stats = new LinkedHashMap<>();
                stats.put("cloud", sim.cloudTraffic());
                stats.put("psc", sim.pscTraffic());
                send(exchange, 200, Json.write(stats));
            } else if (path.equals(STATE) && method.equals("DELETE")) {
                sim.reset();
                exchange.sendResponseHeaders(204, -1);
            } else if (path.equals(PSC) && method.equals("POST")) {
                switchPsc(exchange);
            } else {
                send(exchange, 404, Json.write(VapiError.of(ErrorType.NOT_FOUND, LocalizableMessage.of(
                        "dev.hlm.sim.diagnostics.not_found", "The simulator serves GET " + STATS + ", DELETE "
                                + STATE + " and POST " + PSC + "?state=down|up."))));
            }
        }
    }

    private void switchPsc(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if ("state=down".equals(query)) {
            sim.stopPsc();
        } else if ("state=up".equals(query)) {
            try {
                sim.startPsc();
            } catch (java.io.UncheckedIOException e) { // its port taken meanwhile
                send(exchange, 500, Json.write(VapiError.of(ErrorType.ERROR, LocalizableMessage.of(
                        "dev.hlm.sim.diagnostics.psc_start", e.getMessage()))));
                return;
            }
        } else {
            send(exchange, 400, Json.write(VapiError.of(ErrorType.INVALID_ARGUMENT, LocalizableMessage.of(
                    "dev.hlm.sim.diagnostics.psc_state", "POST " + PSC + " takes ?state=down or ?state=up."))));
            return;
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
