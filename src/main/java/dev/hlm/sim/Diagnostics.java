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
 *   <li>{@code DELETE /sim/state}: {@link Simulator#reset()}, answered 204.
 * </ul>
 *
 * Neither is counted in the traffic, nor delayed by the simulator's latency.
 */
final class Diagnostics implements HttpHandler {
    static final String STATS = SimServer.DIAGNOSTICS + "stats";
    static final String STATE = SimServer.DIAGNOSTICS + "state";

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
            } else {
                send(exchange, 404, Json.write(VapiError.of(ErrorType.NOT_FOUND, LocalizableMessage.of(
                        "dev.hlm.sim.diagnostics.not_found", "The simulator serves GET " + STATS + " and DELETE "
                                + STATE + "."))));
            }
        }
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
