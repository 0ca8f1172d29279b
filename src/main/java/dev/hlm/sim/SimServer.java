package dev.hlm.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * One simulated appliance on the wire: an HTTPS server on loopback with its own certificate and a bounded
 * thread pool. It reads each request (body capped at {@link #MAX_BODY_BYTES}), records it, lets the
 * {@link Router} answer, and turns every failure into a vAPI error body; no stack trace reaches a client.
 * It can be stopped and started again on the same port, to play a PSC that goes away and comes back.
 * It counts its {@link Traffic}, and can answer (and shake hands) later than it could, to play a server far
 * away.
 */
final class SimServer implements AutoCloseable {
    /** Larger request bodies are refused (INVALID_ARGUMENT): HLM bodies are a few hundred bytes. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final int THREADS = 32;
    private static final int QUEUE = 256;
    private static final System.Logger LOG = System.getLogger(SimServer.class.getName());
    /** The context of the simulator's own diagnostics, outside the vCenter API's {@code /api} and {@code /rest}. */
    static final String DIAGNOSTICS = "/sim/";

    static {
        // The JDK server's settings are read once, when it is first used; one set on the command line wins.
        // It writes a response's head and body separately; with Nagle's algorithm on, the body waits for the
        // client's delayed ACK, about 40 ms per answer on Linux.
        setUnlessGiven("sun.net.httpserver.nodelay", "true");
        // With 200 idle keep-alive connections (the JDK's default limit, soon reached by many short-lived
        // clients), the JDK server closes each connection right after answering on it, without saying so in
        // a Connection: close header. A client reusing it at that moment loses its next request: a dropped
        // connection nobody injected. The simulator keeps up to 4096 idle (each still closed after 30 s idle).
        setUnlessGiven("sun.net.httpserver.maxIdleConnections", "4096");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private final String name;
    private final SSLContext tls;
    private final Router router;
    private final FaultInjector faults;
    private final RequestLog log = new RequestLog();
    private final TrafficCounter traffic = new TrafficCounter();
    private final HandlerThreads executor;
    private final long latencyMillis;
    private volatile HttpHandler diagnostics;
    private volatile JsonRpcEndpoint jsonRpc;
    /** Contexts served beside the API, uncounted and never delayed or faulted: the apiexplorer. */
    private final Map<String, HttpHandler> pages = new java.util.concurrent.ConcurrentHashMap<>();
    private int port;
    private HttpsServer server;

    /**
     * @param settings its certificate, its clock (when it is not the system's, response Date headers follow
     *     it), its port (0 to let the OS choose on the first start; later starts reuse the chosen port) and its
     *     latency, added to every API answer (not to diagnostics)
     * @param handshakeDelay added to each connection's TLS handshake, before the server's first answer
     * @param faults the faults to inject into this server's answers, or null for none
     */
    SimServer(String name, ServerSettings settings, Duration handshakeDelay, Router router, FaultInjector faults) {
        this.name = name;
        this.router = router;
        this.faults = faults;
        this.port = settings.port;
        this.latencyMillis = settings.latency.toMillis();
        try {
            Clock clock = settings.clock();
            boolean skewed = !clock.equals(Clock.systemUTC());
            this.tls = SimTls.wrap(settings.certificate.serverContext(), skewed ? clock : null, handshakeDelay);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the " + name, e);
        }
        this.executor = new HandlerThreads(name, THREADS, QUEUE);
    }

    /** Binds and serves; a no-op when already running. */
    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(Simulator.HOST), port), 64);
            https.setHttpsConfigurator(new CountingConfigurator(tls, traffic));
            https.setExecutor(executor);
            https.createContext("/", this::handle);
            if (diagnostics != null) {
                https.createContext(DIAGNOSTICS, this::handleDiagnostics);
            }
            pages.forEach(https::createContext);
            https.start();
            server = https;
            port = https.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Stops listening and drops open connections; {@link #start} serves again on the same port. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized boolean running() {
        return server != null;
    }

    synchronized int port() {
        return port;
    }

    List<RecordedRequest> requests() {
        return log.snapshot();
    }

    Traffic traffic() {
        return traffic.snapshot();
    }

    /** Zeroes the counters and empties the request log. */
    void resetTraffic() {
        traffic.reset();
        log.clear();
    }

    /** Serves {@code handler} under {@value #DIAGNOSTICS} from the next {@link #start}; uncounted, never delayed. */
    synchronized void diagnostics(HttpHandler handler) {
        this.diagnostics = handler;
    }

    /** Answers vAPI JSON-RPC on {@code POST /api} too, through the same router (see {@link JsonRpcEndpoint}). */
    void jsonRpc(JsonRpcEndpoint endpoint) {
        this.jsonRpc = endpoint;
    }

    /** Serves {@code handler} under {@code context} from the next {@link #start}, as {@link #diagnostics} is served. */
    void page(String context, HttpHandler handler) {
        pages.put(context, handler);
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            traffic.request(exchange.getRemoteAddress());
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = lowerCase(exchange.getRequestHeaders());
            byte[] bytes = readBody(exchange.getRequestBody());
            boolean tooLarge = bytes.length > MAX_BODY_BYTES;
            String body = new String(bytes, 0, Math.min(bytes.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
            String path = rawPath + (rawQuery == null ? "" : "?" + rawQuery);
            log.add(new RecordedRequest(method, path, headers, body));

            SimRequest received = SimRequest.parse(method, rawPath, rawQuery, headers, body);
            JsonRpcEndpoint rpc = jsonRpc;
            JsonRpcEndpoint.Translation translation =
                    rpc != null && !tooLarge && JsonRpcEndpoint.accepts(received) ? rpc.translate(received) : null;
            // A JSON-RPC call goes through faults and the router as the REST request of its operation.
            SimRequest request = translation instanceof JsonRpcEndpoint.Forward forward ? forward.request() : received;
            UnaryOperator<SimResponse> encode = translation instanceof JsonRpcEndpoint.Forward forward
                    ? rest -> rpc.encode(forward, rest) : UnaryOperator.identity();
            Supplier<SimResponse> route = () -> {
                SimResponse response = translation instanceof JsonRpcEndpoint.Answer answer
                        ? answer.response() : encode.apply(answer(request, tooLarge));
                delay();
                return response;
            };
            if (faults == null) {
                write(exchange, route.get());
            } else {
                faults.serve(exchange, request, path, route, encode);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> name + ": connection failed: " + e.getMessage());
        }
    }

    private void handleDiagnostics(HttpExchange exchange) throws IOException {
        traffic.diagnosticRequest(exchange.getRemoteAddress());
        diagnostics.handle(exchange);
    }

    /** Plays the distance to a remote server: the answer leaves this much later. */
    private void delay() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private SimResponse answer(SimRequest request, boolean tooLarge) {
        try {
            if (tooLarge) {
                throw Errors.bodyTooLarge(MAX_BODY_BYTES);
            }
            return router.dispatch(request);
        } catch (ApiFailure refusal) {
            return Responses.error(request.flavor(), refusal.error());
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.WARNING, name + ": " + request + " failed", bug);
            return Responses.error(request.flavor(), Errors.internal());
        }
    }

    /** Reads at most one byte past the limit, so an oversized body is detected without being held. */
    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(MAX_BODY_BYTES + 1);
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> result = new HashMap<>();
        headers.forEach((k, v) -> result.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return result;
    }

    static void write(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
        byte[] body = response.body() == null ? null : response.body().getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        // The JDK adds the Date header itself (skewed on the way out by SimTls when configured).
        exchange.sendResponseHeaders(response.status(), body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Configures TLS per connection as the JDK's default does, and counts the connection's handshake. */
    private static final class CountingConfigurator extends HttpsConfigurator {
        private final TrafficCounter traffic;

        CountingConfigurator(SSLContext tls, TrafficCounter traffic) {
            super(tls);
            this.traffic = traffic;
        }

        @Override
        public void configure(HttpsParameters params) {
            super.configure(params);
            traffic.connectionOpened(params.getClientAddress());
        }
    }
}
