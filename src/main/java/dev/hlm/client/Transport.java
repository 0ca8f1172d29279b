package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.http.HttpClientThreads;
import dev.hlm.tls.KnownHosts;
import dev.hlm.tls.RecordingTrustManager;
import dev.hlm.tls.TlsContexts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * HTTPS exchanges with one server: the request goes out, the whole answer comes back within its deadline, and
 * a failure to talk (no connection, TLS refused, timeout, lost connection) becomes a {@link TransportException}
 * that says how far the request got and whether trying again can help. What an answer that came back means is
 * {@link Answers}' to say. Owns the client's {@link HttpClient},
 * so every call reuses one TLS connection.
 *
 * <p>Every exchange has one deadline, the call's timeout, from sending to the last byte of the body: the
 * JDK's request timeout stops at the headers, so a server that sends headers and then stalls would otherwise
 * hold the caller for ever. Connecting has its own, usually shorter, limit. Bodies are capped at
 * {@value #MAX_BODY_BYTES} bytes.
 */
final class Transport {
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final URI server;
    private final Duration connectTimeout;
    private final Deadline deadline;
    private final HttpTrace trace;
    private final RecordingTrustManager trust;
    private final HttpClient http;
    /** Exchanges waiting for their answer, for {@link #release} to end. */
    private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();

    Transport(URI server, RecordingTrustManager trust, Duration connectTimeout, HttpTrace trace, Deadline deadline) {
        this.deadline = deadline;
        this.server = server;
        this.trust = trust;
        this.connectTimeout = connectTimeout;
        this.trace = trace;
        try {
            this.http = HttpClient.newBuilder()
                    .sslContext(TlsContexts.client(trust))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(HttpClientThreads.shared())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new TransportException(TransportException.Kind.TLS, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    URI server() {
        return server;
    }

    /**
     * Ends every exchange still waiting (it fails, INTERRUPTED), and the HTTP client's connections and
     * selector thread: Java 21 added {@code HttpClient.shutdownNow}; on Java 17, where an HttpClient cannot
     * be closed and would last until garbage-collected, {@link HttpClientThreads#end} stops it. Never throws.
     */
    void release() {
        waiting.forEach(w -> w.cancel(true));
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(http);
        } catch (NoSuchMethodException java17) {
            HttpClientThreads.end(http);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Best effort, on the way out.
        }
    }

    Optional<X509Certificate> lastServerCertificate() {
        return trust.lastServerCertificate();
    }

    /**
     * Sends one operation in flavor {@code f} and answers its JSON (null for an empty 2xx answer where none is
     * expected), waiting up to {@code timeout} for the answer (a create may take minutes), or what is left of the
     * client's {@link Deadline} when that is less; past the deadline nothing is sent. A logout is the exception:
     * its short timeout ({@link Deadline#forLogout}) holds even past the deadline, so that the session ends.
     *
     * @param headers the authorization: the session token, or the login's Basic authorization
     */
    JsonNode send(Operation<?> op, Flavor f, Map<String, String> headers, Duration timeout) {
        Operation.Route route = op.route().apply(f);
        boolean expectBody = op.result() != null;
        if (op.timeout() == Operation.Timeout.LOGOUT) {
            return sendWithin(op.name(), route.method(), route.path(), null, headers, expectBody, timeout, false);
        }
        Duration bounded = deadline.cap(timeout);
        if (bounded.isZero()) {
            throw new TransportException(TransportException.Kind.TIMEOUT, op.name() + ": not sent, "
                    + deadline.describe() + " has passed", null, TransportException.Delivery.NOT_SENT, false);
        }
        return sendWithin(op.name(), route.method(), route.path(), op.bodyFor(f), headers, expectBody, bounded,
                bounded.compareTo(timeout) < 0);
    }

    /** @param cutByDeadline the timeout is what was left of the deadline: a timeout then ends the command's time */
    private JsonNode sendWithin(String what, String method, String path, Object body, Map<String, String> headers,
            boolean expectBody, Duration timeout, boolean cutByDeadline) {
        // Bytes rather than a String, so the body (a password, often) can be cleared once sent.
        byte[] json = body == null ? null : serialise(body);
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json))
                    .timeout(timeout)
                    .header("Accept", "application/json");
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            headers.forEach(b::header);
            String traced = json == null || trace == HttpTrace.NONE ? null : new String(json, StandardCharsets.UTF_8);
            return exchange(b.build(), what, traced, expectBody, timeout, cutByDeadline);
        } finally {
            if (json != null) {
                Arrays.fill(json, (byte) 0);
            }
        }
    }

    private static byte[] serialise(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    private JsonNode exchange(HttpRequest request, String what, String body, boolean expectBody, Duration timeout,
            boolean cutByDeadline) {
        trace.request(request.method(), request.uri(), request.headers(), body);
        HttpResponse<byte[]> response;
        try {
            response = await(request, what, timeout);
        } catch (TransportException e) {
            if (cutByDeadline && e.kind() == TransportException.Kind.TIMEOUT) {
                throw e.notRepeated("that was what was left of " + deadline.describe());
            }
            throw e;
        }
        byte[] raw = response.body() == null ? new byte[0] : response.body();
        String text = new String(raw, StandardCharsets.UTF_8);
        trace.response(response.statusCode(), request.uri(), response.headers(), text);
        return Answers.read(what, hostPort(), response.statusCode(), response.headers(), text, expectBody);
    }

    /** Sends and waits for the whole answer, body included, until the exchange's deadline. */
    private HttpResponse<byte[]> await(HttpRequest request, String what, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, LimitedBody.handler(MAX_BODY_BYTES));
        waiting.add(pending);
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw new TransportException(TransportException.Kind.INTERRUPTED, what + ": the client was closed before "
                    + "the answer came; whether it was carried out is unknown", e, TransportException.Delivery.UNKNOWN, false);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut(what, timeout, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.INTERRUPTED, what + ": interrupted", e,
                    TransportException.Delivery.UNKNOWN, false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof HttpConnectTimeoutException && timeout.compareTo(connectTimeout) < 0) {
                // The JDK names its request timer's expiry a connect timeout while the handshake is pending; the
                // exchange's own, shorter, timeout (or the deadline) ended it, as when this thread's wait runs out.
                throw timedOut(what, timeout, cause);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new TransportException(TransportException.Kind.TIMEOUT,
                        "cannot connect to " + hostPort() + ": no answer within the connect timeout", cause,
                        TransportException.Delivery.NOT_SENT, true);
            }
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(what, timeout, cause);
            }
            if (cause instanceof LimitedBody.TooLarge tooLarge) {
                // Not transient: a server that sends that much will do it again.
                throw new TransportException(TransportException.Kind.PROTOCOL, what + ": " + hostPort() + " answered "
                        + tooLarge.status() + " with " + tooLarge.getMessage() + ", not a vCenter API answer", cause,
                        TransportException.Delivery.UNKNOWN, false);
            }
            if (cause instanceof IOException io) {
                throw transportFailure(what, io);
            }
            throw new TransportException(TransportException.Kind.PROTOCOL, what + ": the exchange with " + hostPort()
                    + " failed: " + rootMessage(cause), cause, TransportException.Delivery.UNKNOWN, false);
        } finally {
            waiting.remove(pending);
        }
    }

    private TransportException timedOut(String what, Duration timeout, Throwable cause) {
        return new TransportException(TransportException.Kind.TIMEOUT,
                what + ": " + hostPort() + " did not answer within " + seconds(timeout), cause,
                TransportException.Delivery.UNKNOWN, true);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private TransportException transportFailure(String what, IOException e) {
        Optional<X509Certificate> presented = trust.lastServerCertificate();
        if (trust.lastFailure().isPresent() && presented.isPresent()) {
            CertificateException why = trust.lastFailure().get();
            if (why instanceof KnownHosts.CertificateChanged) {
                return new TransportException(TransportException.Kind.TLS_CHANGED, why.getMessage(), e, presented.get(), why);
            }
            return new TransportException(TransportException.Kind.TLS_UNTRUSTED,
                    "the certificate of " + hostPort() + " is not trusted (" + rootMessage(why) + ")", e,
                    presented.get(), why);
        }
        if ((e instanceof SSLHandshakeException || e instanceof SSLException) && !lostConnection(e)) {
            return new TransportException(TransportException.Kind.TLS,
                    "TLS with " + hostPort() + " failed: " + rootMessage(e), e, TransportException.Delivery.NOT_SENT, false);
        }
        boolean unresolved = rootCause(e) instanceof java.nio.channels.UnresolvedAddressException;
        if (e instanceof ConnectException || unresolved) {
            return new TransportException(TransportException.Kind.CONNECT,
                    "cannot connect to " + hostPort() + ": " + connectReason(e), e,
                    TransportException.Delivery.NOT_SENT, !unresolved);
        }
        // Reset or closed once connected: the request may have been received, and carried out.
        return new TransportException(TransportException.Kind.CONNECT,
                what + ": the connection to " + hostPort() + " was lost before the answer arrived (" + rootMessage(e) + ")",
                e, TransportException.Delivery.UNKNOWN, true);
    }

    /** A TLS error that is really the connection going away (reset, closed), not a failed handshake. */
    private static boolean lostConnection(IOException e) {
        Throwable root = rootCause(e);
        return root instanceof java.net.SocketException || root instanceof java.io.EOFException;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String connectReason(IOException e) {
        Throwable root = rootCause(e);
        if (root instanceof java.nio.channels.UnresolvedAddressException) {
            return "the name does not resolve";
        }
        // A refused connection often surfaces as an exception without a message (ClosedChannelException).
        return root.getMessage() == null || root.getMessage().isEmpty() ? "connection refused" : root.getMessage();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }

    String hostPort() {
        return ServerAddress.display(server);
    }
}
