package dev.hlm.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading request bodies the way the vAPI runtime binds them: a body that is not JSON, a missing required
 * field and a field of the wrong type are each INVALID_ARGUMENT naming what is wrong.
 */
final class JsonBodies {
    private JsonBodies() {}

    /** The body as a JSON object; an empty body reads as an empty object, so missing fields are named. */
    static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw Errors.notJson(e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw Errors.notJson("expected a JSON object");
        }
        return node;
    }

    /** A required object member, such as {@code spec} or {@code credentials}. */
    static JsonNode requiredObject(JsonNode parent, String structure, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw Errors.missingField(structure, field);
        }
        if (!value.isObject()) {
            throw Errors.invalidField(structure, field, "expected an object");
        }
        return value;
    }

    /** A required, non-empty string member. */
    static String requiredString(JsonNode parent, String structure, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw Errors.missingField(structure, field);
        }
        if (!value.isTextual()) {
            throw Errors.invalidField(structure, field, "expected a string");
        }
        if (value.asText().isEmpty()) {
            throw Errors.invalidField(structure, field, "must not be empty");
        }
        return value.asText();
    }

    /** An optional string member; null when absent, null or empty. */
    static String optionalString(JsonNode parent, String structure, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Errors.invalidField(structure, field, "expected a string");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    /** A list of group names, each {@code group@domain} (decision D11). Absent reads as empty unless required. */
    static List<String> groupNames(JsonNode parent, String structure, String field, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw Errors.missingField(structure, field);
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw Errors.invalidField(structure, field, "expected a list of group names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : value) {
            names.add(groupName(item, field));
        }
        return List.copyOf(names);
    }

    /** One group name: a string of the form {@code group@domain}. */
    static String groupName(JsonNode item, String field) {
        if (item == null || item.isNull()) {
            throw Errors.missingField(Errors.OPERATION_INPUT, field);
        }
        String name = item.isTextual() ? item.asText() : item.toString();
        if (!item.isTextual() || !AdministratorGroups.isValidName(name)) {
            throw Errors.invalidGroupName(field, name);
        }
        return name;
    }
}
