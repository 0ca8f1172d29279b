package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hlm.api.Json;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sees every HTTP exchange the client makes, for {@code --trace}. {@link #to(PrintWriter)} prints them with
 * every secret masked: the Authorization header, the session header, cookies, any JSON field named
 * password, and the token a login answers; what reaches a terminal or a log must never carry a credential.
 * What the server sent is shown escaped ({@link SafeText}), each line of a body prefixed like the rest, so
 * it cannot act on the terminal or pass for a line of the trace.
 */
public interface HttpTrace {
    HttpTrace NONE = new HttpTrace() {
        @Override
        public void request(String method, URI uri, HttpHeaders headers, String body) {}

        @Override
        public void response(int status, URI uri, HttpHeaders headers, String body) {}
    };

    void request(String method, URI uri, HttpHeaders headers, String body);

    void response(int status, URI uri, HttpHeaders headers, String body);

    /** A trace that prints masked exchanges to {@code out}, one block per request and response. */
    static HttpTrace to(PrintWriter out) {
        return new Printing(out);
    }

    /** Masks secret-bearing header values; other values are returned as they are. */
    static String maskHeader(String name, String value) {
        return Printing.SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "***" : value;
    }

    /** Masks the value (of any JSON type) of every JSON member whose name contains "password". */
    static String maskBody(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        return Printing.PASSWORD_FIELD.matcher(body).replaceAll("$1\"***\"");
    }

    final class Printing implements HttpTrace {
        static final Set<String> SECRET_HEADERS =
                Set.of("authorization", "vmware-api-session-id", "cookie", "set-cookie");
        static final Pattern PASSWORD_FIELD =
                // The value of a password field, whatever JSON value it is: a string, or a number, true, false, null.
                Pattern.compile("(\"[a-z_]*password[a-z_]*\"\\s*:\\s*)(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,}\\]]+)",
                        Pattern.CASE_INSENSITIVE);

        private final PrintWriter out;

        Printing(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void request(String method, URI uri, HttpHeaders headers, String body) {
            out.println("> " + method + " " + SafeText.escape(uri.toString()));
            printHeaders("> ", headers.map());
            printBody("> ", body, uri);
            out.flush();
        }

        @Override
        public synchronized void response(int status, URI uri, HttpHeaders headers, String body) {
            out.println("< " + status + " " + SafeText.escape(uri.toString()));
            printHeaders("< ", headers.map());
            printBody("< ", body, uri);
            out.flush();
        }

        private void printHeaders(String prefix, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> values.forEach(
                    v -> out.println(prefix + SafeText.escape(name) + ": " + SafeText.escape(maskHeader(name, v)))));
        }

        /**
         * A login answers with the bare token (/api) or {"value": token} (/rest), and a token is opaque: whatever
         * JSON value it is (a string, a number, ...), or if the answer is not JSON at all, it is masked. Only a
         * session's description ({"user": ...}, or {"value": {"user": ...}} over /rest) is shown.
         */
        private static String maskToken(String body) {
            JsonNode answer;
            try {
                answer = Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                return "***";
            }
            if (answer == null || !answer.isObject()) {
                return "\"***\"";
            }
            JsonNode value = answer.get("value");
            if (value != null && !value.isContainerNode()) {
                ((ObjectNode) answer).put("value", "***");
                return answer.toString();
            }
            return body;
        }

        private void printBody(String prefix, String body, URI uri) {
            if (body == null || body.isEmpty()) {
                return;
            }
            String masked = maskBody(body);
            if (uri.getPath().endsWith("/session") || uri.getPath().endsWith("/cis/session")) {
                masked = maskToken(masked);
            }
            masked.lines().forEach(line -> out.println(prefix + SafeText.escape(line)));
        }
    }
}
