package dev.hlm.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.hlm.tls.GeneratedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A vCenter on loopback HTTPS that answers each route ({@code "GET /api/hvc/links"}) with the raw JSON text a
 * test gives it, and records what it received, the raw path and session header included. Routes a test does
 * not set answer as an 8.0U1 vCenter would: login with {@link #TOKEN}, logout, the version. For answers the
 * simulator would never give (null fields, hostile tokens); everything else runs against the simulator.
 */
final class ScriptedVcenter implements AutoCloseable {
    static final String TOKEN = "token-1";

    record Received(String method, String rawPath, String sessionHeader) {
        String route() {
            return method + " " + rawPath;
        }
    }

    /** @param body JSON text, or null for no body */
    record Answer(int status, String body) {}

    private final HttpsServer server;
    private final Path ca;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String slowPrefix;
    private volatile java.time.Duration slowDelay;

    ScriptedVcenter(Path dir) {
        try {
            GeneratedCertificate certificate = GeneratedCertificate.builder("scripted-vcenter").build();
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
            server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
            ca = dir.resolve("scripted-ca.pem");
            Files.writeString(ca, certificate.pem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        answer("POST /api/session", 201, "\"" + TOKEN + "\"");
        answer("DELETE /api/session", 204, null);
        answer("POST /rest/com/vmware/cis/session", 200, "{\"value\":\"" + TOKEN + "\"}");
        answer("DELETE /rest/com/vmware/cis/session", 200, null);
        answer("GET /api/appliance/system/version", 200, "{\"version\":\"8.0.1\",\"product\":\"VMware vCenter Server\"}");
        server.createContext("/", this::answer);
        // Several handlers at once, as a vCenter has: a client's parallel calls can be seen (maxInFlight).
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(32));
        server.start();
    }

    /** Answers {@code route} (method, space, raw path without the query) so from now on. */
    ScriptedVcenter answer(String route, int status, String body) {
        answers.put(route, new Answer(status, body));
        return this;
    }

    /** The environment of a command pointed at this server, trusting exactly its certificate, no retries. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HLM_SERVER", "127.0.0.1:" + server.getAddress().getPort());
        env.put("HLM_CA_CERT", ca.toString());
        env.put("HLM_USERNAME", "cloudadmin@vmc.local");
        env.put("HLM_PASSWORD", "cloud-secret");
        env.put("HLM_RETRIES", "0");
        return env;
    }

    /** From now on, every route that starts with {@code prefix} answers {@code delay} late. */
    ScriptedVcenter slow(String prefix, java.time.Duration delay) {
        slowPrefix = prefix;
        slowDelay = delay;
        return this;
    }

    /** The most requests this server was answering at one time. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("vmware-api-session-id"));
            received.add(request);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                String prefix = slowPrefix;
                if (prefix != null && request.route().startsWith(prefix)) {
                    Thread.sleep(slowDelay.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            Answer answer = answers.getOrDefault(request.route(), new Answer(404,
                    "{\"error_type\":\"NOT_FOUND\",\"messages\":[{\"id\":\"x\",\"default_message\":\"Not found.\",\"args\":[]}]}"));
            byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.body() != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
