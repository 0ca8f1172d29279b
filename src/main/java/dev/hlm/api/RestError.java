package dev.hlm.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code /rest} error body: {@code {"type": "com.vmware.vapi.std.errors.x", "value": {"messages", "data"}}}
 * (docs/decisions.md B.4.3).
 */
public record RestError(String type, Value value) {
    public record Value(List<LocalizableMessage> messages, JsonNode data) {}

    public static RestError from(VapiError error) {
        return new RestError(error.errorType().restType(), new Value(error.messages(), error.data()));
    }

    public VapiError toVapiError() {
        Value v = value == null ? new Value(List.of(), null) : value;
        return new VapiError(ErrorType.fromRestType(type), v.messages(), v.data(), null);
    }
}
