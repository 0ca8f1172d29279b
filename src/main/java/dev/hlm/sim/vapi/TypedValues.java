package dev.hlm.sim.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a JSON-RPC typed value into the plain JSON the REST flavor takes: structures become objects of their
 * fields, an unset optional becomes an absent field, a secret its text, lists stay lists. The simulator's REST
 * routes then check the fields, so a missing or wrong field is refused with the same INVALID_ARGUMENT in both
 * dialects. A value that is not well-formed vAPI JSON (an object that is none of the typed wrappers, or a
 * wrapper with more than one key) is refused as the runtimes refuse it: invalid params.
 */
public final class TypedValues {
    private TypedValues() {}

    /** The plain value, or null for an unset optional or void. */
    public static JsonNode plain(JsonNode typed) {
        if (typed == null || typed.isNull()) {
            return null;
        }
        if (typed.isArray()) {
            ArrayNode list = VapiType.NODES.arrayNode();
            for (JsonNode item : typed) {
                JsonNode value = plain(item);
                if (value == null) {
                    throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "a list holds a void value");
                }
                list.add(value);
            }
            return list;
        }
        if (!typed.isObject()) {
            return typed; // string, number or boolean
        }
        Map.Entry<String, JsonNode> wrapper = single(typed, "a typed value");
        JsonNode inner = wrapper.getValue();
        return switch (wrapper.getKey()) {
            case "OPTIONAL" -> plain(inner);
            case "SECRET", "BINARY" -> {
                if (!inner.isTextual()) {
                    throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, wrapper.getKey() + " must hold a string");
                }
                yield inner;
            }
            case "STRUCTURE" -> fields(single(inner, "a STRUCTURE").getValue());
            default -> throw new JsonRpcException(JsonRpcException.INVALID_PARAMS,
                    "unknown typed value " + wrapper.getKey());
        };
    }

    /** The fields of a structure; an unset optional field is left out. */
    private static ObjectNode fields(JsonNode typedFields) {
        if (!typedFields.isObject()) {
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "a structure's fields must be an object");
        }
        ObjectNode object = VapiType.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = typedFields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = plain(field.getValue());
            if (value != null) {
                object.set(field.getKey(), value);
            }
        }
        return object;
    }

    private static Map.Entry<String, JsonNode> single(JsonNode object, String what) {
        if (!object.isObject() || object.size() != 1) {
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, what + " must be an object with one key");
        }
        return object.fields().next();
    }
}
