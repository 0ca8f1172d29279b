package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A raw HTTPS client for the simulator tests: trusts exactly one simulated server's certificate and sends
 * what a test says, nothing more (no dev.hlm.client, so the tests check the simulator, not an agreement
 * between two of our own classes).
 */
final class SimHttp {
    private final HttpClient http;
    private final URI base;

    private SimHttp(URI base, GeneratedCertificate certificate, CookieHandler cookies) {
        this.base = base;
        try {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .sslContext(TlsContexts.client(
                            TlsContexts.recorder(TrustPolicy.certificates(List.of(certificate.certificate())))))
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5));
            if (cookies != null) {
                builder.cookieHandler(cookies);
            }
            this.http = builder.build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static SimHttp cloud(Simulator sim) {
        return new SimHttp(sim.cloudUrl(), sim.cloudCertificate(), null);
    }

    /** A client that keeps cookies, as a browser or Python's requests.Session does. */
    static SimHttp cloudWithCookies(Simulator sim) {
        return new SimHttp(sim.cloudUrl(), sim.cloudCertificate(), new java.net.CookieManager());
    }

    static SimHttp psc(Simulator sim) {
        return new SimHttp(sim.pscUrl(), sim.pscCertificate(), null);
    }

    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** {@code /api} error_type, or {@code /rest} type. */
        String errorType() {
            JsonNode json = json();
            return json.has("error_type") ? json.get("error_type").asText() : json.path("type").asText();
        }

        /** The first message's default_message, in either flavor's error shape. */
        String message() {
            JsonNode json = json();
            JsonNode messages = json.has("messages") ? json.get("messages") : json.path("value").path("messages");
            return messages.path(0).path("default_message").asText();
        }

        /** The error's data, in either flavor's shape. */
        JsonNode data() {
            JsonNode json = json();
            return json.has("error_type") ? json.path("data") : json.path("value").path("data");
        }
    }

    Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends and returns as soon as the status and headers are in, with the body as a stream still to be read
     * (for answers whose body is late, slow or never comes).
     */
    HttpResponse<java.io.InputStream> sendStreaming(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    Reply put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Parses JSON text written in a test, to compare bodies as trees. */
    static JsonNode json(String text) {
        return new Reply(0, null, text).json();
    }

    static String basic(String user, char[] password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    }

    /** Logs in over {@code /api}; the session token. */
    String loginApi(String user, char[] password) {
        Reply reply = post("/api/session", null, "Authorization", basic(user, password));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().asText();
    }

    /** Logs in over {@code /rest}; the session token. */
    String loginRest(String user, char[] password) {
        Reply reply = post("/rest/com/vmware/cis/session", null, "Authorization", basic(user, password));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("value").asText();
    }

    /** The cloud admin's {@code /api} session header pair. */
    static String[] session(String token) {
        return new String[] {"vmware-api-session-id", token};
    }
}
