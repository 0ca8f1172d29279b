package dev.hlm.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.Paths;
import dev.hlm.http.HttpClientThreads;
import dev.hlm.tls.RecordingTrustManager;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The cloud vCenter's side of a conversation with a PSC (decision D6): TLS to it, the certificate it
 * presented, login, who-am-I and logout over {@code /api}, or the legacy {@code /rest} of a PSC before 7.0U2.
 * Each conversation has its own HttpClient and trust manager, so concurrent probes never see each other's
 * certificate and nothing JVM-wide changes; closing it ends the HttpClient's selector thread, and its work runs
 * on a shared pool: a fleet of simulated clouds linking at once would otherwise leave thousands of threads
 * until the collector found them. Every step is bounded by timeouts, so a PSC that does not answer cannot hang
 * a request.
 */
final class PscProbe implements AutoCloseable {
    /** As hlm's own default; the JDK counts the TLS handshake in it, and a loaded fleet's take seconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    /** The PSC could not be reached, or answered in a way no PSC would. */
    static final class UnreachableException extends Exception {
        UnreachableException(String reason) {
            super(reason, null, false, false);
        }
    }

    private final PscAddress psc;
    private final HttpClient http;
    private final RecordingTrustManager trust;

    /**
     * @param policy how to judge the PSC's certificate: insecure (recording it) for create, which checks the
     *     thumbprint itself; the stored thumbprint for later calls to a linked PSC
     */
    PscProbe(PscAddress psc, TrustPolicy policy) {
        this.psc = psc;
        try {
            this.trust = TlsContexts.recorder(policy);
            this.http = HttpClient.newBuilder()
                    .sslContext(TlsContexts.client(trust))
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(HttpClientThreads.shared())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS to the PSC", e);
        }
    }

    /** Ends the conversation's HttpClient, its connection and selector thread. */
    @Override
    public void close() {
        HttpClientThreads.end(http);
    }

    /** True when a TCP connection to the PSC opens now (decision D10); never waits past a short timeout. */
    static boolean reachable(PscAddress psc) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(psc.host(), psc.port()), (int) HEALTH_TIMEOUT.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Opens TLS with a request that carries no credentials, and returns the certificate the PSC presented;
     * credentials are sent only after the caller has checked it.
     */
    X509Certificate certificate() throws UnreachableException {
        versionAnswer = readVersion();
        return trust.lastServerCertificate()
                .orElseThrow(() -> new UnreachableException("it presented no certificate"));
    }

    private HttpResponse<String> versionAnswer;
    /** The flavor the PSC speaks, learned from its version endpoint; null before. */
    private Flavor flavor;

    /** The version endpoint in {@code /api}, else in {@code /rest}: which one answers tells the flavor. */
    private HttpResponse<String> readVersion() throws UnreachableException {
        HttpResponse<String> answer = send(request(Flavor.API.path(Paths.SYSTEM_VERSION)).GET());
        flavor = Flavor.API;
        if (answer.statusCode() == 404) {
            answer = send(request(Flavor.REST.path(Paths.SYSTEM_VERSION)).GET());
            flavor = Flavor.REST;
        }
        return answer;
    }

    private Flavor flavor() throws UnreachableException {
        if (flavor == null) {
            versionAnswer = readVersion();
        }
        return flavor;
    }

    /** The result in an answer: bare in {@code /api}, under {@code "value"} in {@code /rest}. */
    private JsonNode value(JsonNode answer) {
        return flavor == Flavor.REST ? answer.path("value") : answer;
    }

    /** The release the PSC reports on its version endpoint (decision D15), e.g. {@code 8.0.1.00000}. */
    String version() throws UnreachableException {
        // The certificate was fetched with this very request: its answer serves again.
        HttpResponse<String> answer = versionAnswer != null ? versionAnswer : readVersion();
        JsonNode version = value(parse(answer, 200)).path("version");
        if (!version.isTextual()) {
            throw new UnreachableException("its version endpoint names no version");
        }
        return version.asText();
    }

    /** Logs in with Basic auth; the token, or empty when the PSC refused the user name or password. */
    Optional<String> login(String user, char[] password) throws UnreachableException {
        String pair = user + ":" + new String(password);
        String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        Flavor f = flavor();
        HttpResponse<String> response = send(request(f.sessionPath())
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 401) {
            return Optional.empty();
        }
        JsonNode token = value(parse(response, f == Flavor.API ? 201 : 200));
        if (!token.isTextual()) {
            throw new UnreachableException("its login answered no session token");
        }
        return Optional.of(token.asText());
    }

    /** The session's user, e.g. {@code administrator@vsphere.local}. */
    String user(String token) throws UnreachableException {
        Flavor f = flavor();
        HttpRequest.Builder whoAmI = f == Flavor.API ? request(f.sessionPath()).GET()
                : request(f.sessionPath() + "?~action=get").POST(HttpRequest.BodyPublishers.noBody());
        JsonNode info = value(parse(send(whoAmI.header(Paths.SESSION_HEADER, token)), 200));
        JsonNode user = info.path("user");
        if (!user.isTextual()) {
            throw new UnreachableException("its session information names no user");
        }
        return user.asText();
    }

    /** Best effort: a failed logout must not fail the operation that already succeeded. */
    void logout(String token) {
        try {
            send(request(flavor().sessionPath()).header(Paths.SESSION_HEADER, token).DELETE());
        } catch (UnreachableException e) {
            // The session will expire on the PSC by itself.
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(psc.uri(path)).timeout(REQUEST_TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws UnreachableException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new UnreachableException(trust.lastFailure().isPresent()
                    ? "its certificate is no longer the one it had when the link was created"
                    : "the TLS handshake failed (" + e.getMessage() + ")");
        } catch (java.net.http.HttpConnectTimeoutException e) {
            // Also what the JDK throws when the request timeout ends a connection still in its TLS handshake.
            throw new UnreachableException("timed out connecting (TLS handshake included) within "
                    + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (java.net.http.HttpTimeoutException e) {
            throw new UnreachableException("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (java.net.ConnectException e) {
            throw new UnreachableException(e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                    ? "the host name does not resolve" : "connection refused");
        } catch (IOException e) {
            throw new UnreachableException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted");
        }
    }

    private static JsonNode parse(HttpResponse<String> response, int expected) throws UnreachableException {
        if (response.statusCode() != expected) {
            throw new UnreachableException("it answered HTTP " + response.statusCode());
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UnreachableException("it answered something that is not JSON");
        }
    }
}
