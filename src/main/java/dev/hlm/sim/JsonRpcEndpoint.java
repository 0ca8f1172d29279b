package dev.hlm.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.Paths;
import dev.hlm.api.VapiError;
import dev.hlm.sim.vapi.Invocation;
import dev.hlm.sim.vapi.JsonRpcEnvelope;
import dev.hlm.sim.vapi.JsonRpcException;
import dev.hlm.sim.vapi.StandardErrors;
import dev.hlm.sim.vapi.VapiOperation;
import dev.hlm.sim.vapi.VapiServices;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * vAPI JSON-RPC 2.0 on {@code POST /api}, the dialect the official SDKs speak: a second codec over the same
 * {@link Router}, not a second server. Each invocation is translated into the REST request of the same
 * operation ({@link VapiServices}) and answered by its route, so both dialects share links, sessions, faults,
 * latency and counters; the route's answer is then written back as {@code result.output} or as the vAPI error
 * value the SDK runtimes raise as typed exceptions. Every JSON-RPC answer is HTTP 200, as the runtimes expect
 * (they treat any other status as a transport failure).
 */
final class JsonRpcEndpoint {
    private static final System.Logger LOG = System.getLogger(JsonRpcEndpoint.class.getName());

    /** What to do with a JSON-RPC request. */
    sealed interface Translation {}

    /** Answered by a REST route: {@code request} goes through the router, its answer back through {@link #encode}. */
    record Forward(SimRequest request, VapiOperation operation, JsonNode id) implements Translation {}

    /** Answered at once: the request was not a call of an operation this server has. */
    record Answer(SimResponse response) implements Translation {}

    private final Router router;

    JsonRpcEndpoint(Router router) {
        this.router = router;
    }

    /** Whether a request is a JSON-RPC call: {@code POST /api} itself, which no REST route has. */
    static boolean accepts(SimRequest request) {
        return request.method().equals("POST") && request.flavor() == Flavor.API && request.segments().isEmpty();
    }

    Translation translate(SimRequest received) {
        Invocation call;
        try {
            call = JsonRpcEnvelope.read(received.body());
        } catch (JsonRpcException e) {
            return new Answer(json(JsonRpcEnvelope.failure(e)));
        }
        Optional<VapiOperation> operation = VapiServices.find(call.serviceId(), call.operationId());
        if (operation.isEmpty()) {
            return operationNotFound(call);
        }
        try {
            SimRequest request = restRequest(operation.get(), call, received);
            return router.serves(request) ? new Forward(request, operation.get(), call.id()) : operationNotFound(call);
        } catch (ApiFailure refusal) {
            return new Answer(error(call.id(), refusal.error(), operation.get().errorData()));
        }
    }

    private static Answer operationNotFound(Invocation call) {
        return new Answer(json(JsonRpcEnvelope.error(call.id(),
                StandardErrors.operationNotFound(call.serviceId(), call.operationId()))));
    }

    /** The REST request of the same operation: path variables and body from the input, credentials from the context. */
    private static SimRequest restRequest(VapiOperation operation, Invocation call, SimRequest received) {
        JsonNode input = call.input();
        List<String> segments = new ArrayList<>();
        for (String segment : operation.path().substring(1).split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String field = segment.substring(1, segment.length() - 1);
                JsonNode value = input.get(field);
                if (value == null || !value.isTextual()) {
                    throw Errors.missingField(Errors.OPERATION_INPUT, field);
                }
                segments.add(value.asText());
            } else {
                segments.add(segment);
            }
        }
        Map<String, String> query = operation.action() == null ? Map.of() : Map.of("action", operation.action());
        return new SimRequest(operation.method(), Flavor.API, segments, query, headers(received, call.security()),
                body(operation, input));
    }

    private static String body(VapiOperation operation, JsonNode input) {
        if (!operation.hasBody()) {
            return null;
        }
        if (operation.bodyField() != null) {
            JsonNode value = input.get(operation.bodyField());
            if (value == null) {
                throw Errors.missingField(Errors.OPERATION_INPUT, operation.bodyField());
            }
            return Json.write(value);
        }
        ObjectNode rest = input.deepCopy();
        operation.pathVariables().forEach(rest::remove);
        return Json.write(rest);
    }

    /** The received headers, with the security context's credentials as the REST flavor carries them. */
    private static Map<String, List<String>> headers(SimRequest received, Invocation.SecurityContext security) {
        Map<String, List<String>> headers = new HashMap<>(received.headers());
        if (security.isUserPassword()) {
            String pair = security.userName() + ":" + security.password();
            headers.put("authorization",
                    List.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        } else if (security.isSession()) {
            headers.put(Paths.SESSION_HEADER, List.of(security.sessionId()));
        }
        return headers;
    }

    /** The route's REST answer, written as the JSON-RPC answer of the call. */
    SimResponse encode(Forward call, SimResponse rest) {
        try {
            JsonNode body = rest.body() == null ? null : Json.mapper().readTree(rest.body());
            if (rest.status() / 100 == 2) {
                return json(JsonRpcEnvelope.output(call.id(), call.operation().output().encode(body)));
            }
            return json(JsonRpcEnvelope.error(call.id(), StandardErrors.fromRest(body, call.operation().errorData())));
        } catch (JsonProcessingException | RuntimeException bug) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the answer of " + call.operation().serviceId() + "."
                    + call.operation().operationId() + " as JSON-RPC", bug);
            return error(call.id(), Errors.internal(), VapiOperation.DYNAMIC);
        }
    }

    /** A refusal of the simulator's own, as the JSON-RPC answer carrying its vAPI error value. */
    private static SimResponse error(JsonNode id, VapiError error, String dataType) {
        return json(JsonRpcEnvelope.error(id, StandardErrors.fromRest(Json.mapper().valueToTree(error), dataType)));
    }

    private static SimResponse json(String body) {
        return SimResponse.of(200, body);
    }
}
