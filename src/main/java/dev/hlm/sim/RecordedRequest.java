package dev.hlm.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request a simulated server received, as it arrived: for tests that check what a client sent (for
 * example that no {@code Authorization} header reached an untrusted server). Bodies and headers are kept
 * verbatim, secrets included: never print them.
 *
 * @param path the raw path with its query, e.g. {@code /api/hvc/links/x?action=delete}
 * @param headers header names in lower case
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, by name in any case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Shows no header values and no body, since both may hold credentials. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", headers=" + headers.keySet() + "]";
    }
}
