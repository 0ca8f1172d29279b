package dev.hlm.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.VapiError;
import dev.hlm.sim.fault.Fault;
import dev.hlm.sim.fault.FaultAction;
import dev.hlm.sim.fault.FaultRoute;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where faults meet the wire: the one hook between a server's request and its answer. It asks the
 * {@link FaultPlan} what to do with the call and then answers normally, or refuses, delays, stalls, drops or
 * spoils the answer as the fault says.
 */
final class FaultInjector {
    /** Ten MiB: more than any client should accept from an HLM call. */
    static final int HUGE_BODY_BYTES = 10 * 1024 * 1024;
    static final String REDIRECT_LOCATION = "https://login.example.invalid/sso";

    private final FaultPlan plan;
    private final Consumer<String> expireSession;

    /**
     * @param expireSession ends the session of a token (for {@code expire})
     */
    FaultInjector(FaultPlan plan, Consumer<String> expireSession) {
        this.plan = plan;
        this.expireSession = expireSession;
    }

    /**
     * Answers one request: {@code route} runs the router (it may make a change) and returns its answer, which
     * is written unless a fault says otherwise. Returning without writing drops the connection. Whether the
     * route runs, and so whether a change is made, is decided here for each {@link FaultAction} and nowhere else.
     *
     * @param encode writes an answer in the request's dialect (JSON-RPC or REST as it is), for injected errors
     */
    void serve(HttpExchange exchange, SimRequest request, String path, Supplier<SimResponse> route,
            UnaryOperator<SimResponse> encode) throws IOException {
        FaultRoute call = FaultRoute.classify(request.method(), request.segments(), request.action().orElse(null));
        FaultPlan.Decision decision = plan.decide(call, request.method(), path);
        for (FaultAction.Latency latency : decision.latencies()) {
            if (!pause(latency.delay())) {
                return;
            }
        }
        Fault fault = decision.fault();
        if (fault == null) {
            SimServer.write(exchange, route.get());
            return;
        }
        FaultAction action = fault.action();
        if (action instanceof FaultAction.ErrorAnswer e) {
            SimServer.write(exchange, encode.apply(Responses.error(request.flavor(), VapiError.of(e.type(),
                    LocalizableMessage.of("com.vmware.hlm.sim.fault", "Simulated fault " + fault + ".", fault.toString())),
                    status(call, e.type()))));
        } else if (action instanceof FaultAction.Status s) {
            writeRaw(exchange, s.code(), "text/html", statusPage(s.code()), s.code() / 100 == 3);
        } else if (action instanceof FaultAction.Drop d) {
            if (d.moment() == FaultAction.Moment.AFTER) {
                route.get();
            }
            // Returning without an answer: the server closes the connection.
        } else if (action instanceof FaultAction.ExpireSession) {
            Router.sessionToken(request).ifPresent(expireSession);
            SimServer.write(exchange, route.get());
        } else if (action instanceof FaultAction.Stall s) {
            stall(exchange, route.get(), s.holdFor());
        } else if (action instanceof FaultAction.Trickle t) {
            trickle(exchange, route.get(), t.interval());
        } else if (action instanceof FaultAction.Body b) {
            spoil(exchange, route.get(), b.kind());
        } else {
            throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    /**
     * The HTTP status of an error answer: the error type's (docs/decisions.md B.6), except where the official
     * spec declares another for the operation: RESOURCE_BUSY of links.get is 500 in the 8.0.2 spec (D16).
     */
    private static int status(FaultRoute call, ErrorType type) {
        return call == FaultRoute.GET && type == ErrorType.RESOURCE_BUSY ? 500 : type.httpStatus();
    }

    /** Sleeps; false when the server is stopping (the thread was interrupted). */
    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Headers out, body held back; a bodiless answer is turned into an endless chunked one. */
    private static void stall(HttpExchange exchange, SimResponse response, Duration holdFor) throws IOException {
        byte[] body = bytes(response);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body.length == 0 ? 200 : response.status(), body.length == 0 ? 0 : body.length);
        pause(holdFor == null ? Duration.ofDays(1) : holdFor);
        // Closing the exchange now, with the body unsent, closes the connection.
    }

    private static void trickle(HttpExchange exchange, SimResponse response, Duration interval) throws IOException {
        byte[] body = bytes(response);
        if (body.length == 0) {
            SimServer.write(exchange, response);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte b : body) {
                out.write(b);
                out.flush();
                if (!pause(interval)) {
                    return;
                }
            }
        }
    }

    private static void spoil(HttpExchange exchange, SimResponse response, FaultAction.BodyKind kind) throws IOException {
        byte[] body = bytes(response);
        int status = response.status();
        switch (kind) {
            case EMPTY -> writeRaw(exchange, status, null, new byte[0], false);
            case TEXT -> writeRaw(exchange, status, "text/plain",
                    "Service is starting, please try again later.".getBytes(StandardCharsets.UTF_8), false);
            case HTML -> writeRaw(exchange, status, "text/html", statusPage(status), false);
            case TRUNCATED -> writeRaw(exchange, status, "application/json", Arrays.copyOf(body, body.length / 2), false);
            case WRONG_TYPES -> writeRaw(exchange, status, "application/json", wrongTypes(body), false);
            case HUGE -> writeRaw(exchange, status, "application/json", huge(), false);
        }
    }

    private static void writeRaw(HttpExchange exchange, int status, String contentType, byte[] body, boolean redirect)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (redirect) {
            exchange.getResponseHeaders().set("Location", REDIRECT_LOCATION);
        }
        boolean bodiless = body.length == 0 || status == 204;
        exchange.sendResponseHeaders(status, bodiless ? -1 : body.length);
        if (!bodiless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] bytes(SimResponse response) {
        return response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
    }

    /** A page like the ones proxies and load balancers put where the API's JSON belongs. */
    private static byte[] statusPage(int status) {
        return ("<!DOCTYPE html>\n<html><head><title>" + status + "</title></head>\n<body><h1>HTTP " + status
                + "</h1><p>The server could not handle the request.</p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The same JSON with arrays and objects swapped and strings turned into objects; non-JSON is kept. */
    private static byte[] wrongTypes(byte[] body) {
        try {
            JsonNode tree = Json.mapper().readTree(body);
            return tree == null ? body : Json.write(swapShapes(tree)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return body;
        }
    }

    private static JsonNode swapShapes(JsonNode node) {
        if (node.isArray()) {
            ObjectNode object = Json.mapper().createObjectNode();
            for (int i = 0; i < node.size(); i++) {
                object.set(Integer.toString(i), swapShapes(node.get(i)));
            }
            return object;
        }
        if (node.isObject()) {
            ArrayNode array = Json.mapper().createArrayNode();
            for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
                array.add(swapShapes(values.next()));
            }
            return array;
        }
        if (node.isTextual()) {
            return Json.mapper().createObjectNode().put("text", node.asText());
        }
        return node;
    }

    private static byte[] huge() {
        byte[] body = new byte[HUGE_BODY_BYTES];
        Arrays.fill(body, (byte) 'x');
        body[0] = '"';
        body[body.length - 1] = '"';
        return body;
    }
}
