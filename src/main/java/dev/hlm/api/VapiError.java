package dev.hlm.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code /api} error body: {@code {"error_type", "messages", "data", "challenge"}} (hlm-api.md B.4.2).
 * In {@code /rest} the same content is wrapped as {@link RestError}.
 *
 * @param data error-specific payload, e.g. a {@link CertificateInfo} for UNVERIFIED_PEER; may be null
 * @param challenge only on UNAUTHENTICATED
 */
public record VapiError(ErrorType errorType, List<LocalizableMessage> messages, JsonNode data, String challenge) {
    public VapiError {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static VapiError of(ErrorType type, LocalizableMessage message) {
        return new VapiError(type, List.of(message), null, null);
    }

    /** The first message's English text, or the type's name when the server sent none. */
    public String summary() {
        return messages.isEmpty() ? String.valueOf(errorType) : messages.get(0).defaultMessage();
    }
}
