package dev.hlm.sim.vapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hlm.api.Json;

/**
 * The JSON-RPC 2.0 envelope of vAPI calls, read and written: requests with {@code method: "invoke"}, answers
 * with {@code result.output} (success), {@code result.error} (a vAPI error value) or the envelope's own
 * {@code error} (the request could not be read; {@link JsonRpcException}).
 */
public final class JsonRpcEnvelope {
    static final String VERSION = "2.0";
    static final String INVOKE = "invoke";

    private JsonRpcEnvelope() {}

    /** Reads a request body; a body that is not a well-formed vAPI invocation throws {@link JsonRpcException}. */
    public static Invocation read(String body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new JsonRpcException(JsonRpcException.PARSE_ERROR, "the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, "the body is not a JSON-RPC request object");
        }
        if (!VERSION.equals(root.path("jsonrpc").asText(null)) || !root.path("method").isTextual()) {
            throw new JsonRpcException(JsonRpcException.INVALID_REQUEST,
                    "a JSON-RPC 2.0 request needs \"jsonrpc\": \"2.0\" and a method");
        }
        JsonNode id = root.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, "a vAPI request needs an id (string or integer)");
        }
        if (!INVOKE.equals(root.get("method").asText())) {
            throw new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND,
                    "the only method is \"invoke\"", id);
        }
        try {
            return invocation(id, root.path("params"));
        } catch (JsonRpcException e) {
            throw e.answering(id);
        }
    }

    private static Invocation invocation(JsonNode id, JsonNode params) {
        if (!params.isObject() || !params.path("serviceId").isTextual() || !params.path("operationId").isTextual()) {
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "params need serviceId and operationId");
        }
        JsonNode input = TypedValues.plain(params.get("input"));
        if (input == null || !input.isObject()) {
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "params.input must be a STRUCTURE");
        }
        JsonNode ctx = params.path("ctx");
        if (!ctx.isMissingNode() && !ctx.isObject()) {
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "params.ctx must be an object");
        }
        return new Invocation(id, params.get("serviceId").asText(), params.get("operationId").asText(), input,
                security(ctx.path("securityCtx")));
    }

    private static Invocation.SecurityContext security(JsonNode ctx) {
        if (!ctx.isObject()) {
            return Invocation.SecurityContext.NONE;
        }
        return new Invocation.SecurityContext(text(ctx, "schemeId"), text(ctx, "userName"), text(ctx, "password"),
                text(ctx, "sessionId"));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A success: {@code result.output} holds the typed output (null for void). */
    public static String output(JsonNode id, JsonNode typedOutput) {
        return result(id, "output", typedOutput == null ? NullNode.instance : typedOutput);
    }

    /** A vAPI error: {@code result.error} holds the typed error value, which the SDKs raise as their exceptions. */
    public static String error(JsonNode id, JsonNode typedError) {
        return result(id, "error", typedError);
    }

    private static String result(JsonNode id, String member, JsonNode value) {
        ObjectNode result = VapiType.NODES.objectNode();
        result.set(member, value);
        return Json.write(envelope(id).set("result", result));
    }

    /** The request could not be read: the envelope's own error member, with the JSON-RPC code. */
    public static String failure(JsonRpcException e) {
        ObjectNode error = VapiType.NODES.objectNode()
                .put("code", e.code())
                .put("message", e.standardMessage())
                .put("data", e.getMessage());
        return Json.write(envelope(e.id()).set("error", error));
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode envelope = VapiType.NODES.objectNode().put("jsonrpc", VERSION);
        envelope.set("id", id == null ? NullNode.instance : id);
        return envelope;
    }
}
