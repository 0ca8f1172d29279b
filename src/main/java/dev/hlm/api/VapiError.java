package dev.hlm.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code /api} error body: {@code {"error_type", "messages", "data", "challenge"}} (docs/decisions.md B.4.2).
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

    /**
     * The messages' English texts on one line, each once (a vCenter often puts the cause in the second: "Unable
     * to verify the SSL certificate of psc." then why), or the type's name when the server sent none.
     */
    public String summary() {
        String text = messages.stream()
                .map(LocalizableMessage::defaultMessage)
                .filter(m -> m != null && !m.isBlank())
                .map(m -> m.strip().replaceAll("\\s+", " "))
                .distinct()
                .map(m -> m.matches(".*[.!?:]$") ? m : m + ".")
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? String.valueOf(errorType) : text;
    }
}
