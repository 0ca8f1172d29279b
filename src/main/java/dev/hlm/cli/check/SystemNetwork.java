package dev.hlm.cli.check;

import dev.hlm.api.Paths;
import dev.hlm.http.HttpClientThreads;
import dev.hlm.tls.CertificateFetcher;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;

/** The real network: the JDK's resolver, sockets and HTTP client, each bounded by a timeout. */
final class SystemNetwork implements Network {
    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }

    /** Ports that left a ClientHello unanswered: not asked again this run, so each try costs one timeout at most. */
    private final Set<InetSocketAddress> silent = ConcurrentHashMap.newKeySet();

    /**
     * The TCP handshake, then, when the port speaks TLS, the wait for its answer to a ClientHello; the longer
     * of the two. On a real network each takes one round trip; the second also shows a distance only the
     * server's side can play, such as the simulator's {@code --psc-latency} (the kernel completes the TCP
     * handshake, whatever the server). After the server's first byte the handshake is abandoned: nothing
     * is read, trusted or sent beyond the hello.
     */
    @Override
    public Duration connect(InetSocketAddress address, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            long start = System.nanoTime();
            socket.connect(address, (int) timeout.toMillis());
            Duration tcp = Duration.ofNanos(System.nanoTime() - start);
            Duration hello = silent.contains(address) ? null : helloAnswered(socket, address, timeout);
            return hello != null && hello.compareTo(tcp) > 0 ? hello : tcp;
        }
    }

    /** How long the server took to answer a ClientHello on {@code socket}, or null when it did not answer. */
    private Duration helloAnswered(Socket socket, InetSocketAddress address, Duration timeout) {
        try {
            SSLEngine engine = TlsContexts.client(TlsContexts.recorder(TrustPolicy.insecure()))
                    .createSSLEngine(address.getHostString(), address.getPort());
            engine.setUseClientMode(true);
            ByteBuffer hello = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), hello); // made before the clock starts: the key shares take time
            hello.flip();
            socket.setSoTimeout((int) timeout.toMillis());
            long start = System.nanoTime();
            socket.getOutputStream().write(hello.array(), 0, hello.limit());
            socket.getOutputStream().flush();
            if (socket.getInputStream().read() < 0) {
                return null; // closed at once: not TLS, the connect time is the round trip
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (SocketTimeoutException e) {
            silent.add(address);
            return null;
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    @Override
    public X509Certificate certificate(String host, int port, Duration timeout) throws IOException {
        return CertificateFetcher.fetch(host, port, timeout);
    }

    /**
     * Asks for the version endpoint without credentials, trusting any certificate: only the answer's
     * {@code Date} matters, and nothing secret is sent. The header has whole seconds, so half a second is
     * added to the truncated value.
     */
    @Override
    public Duration clockOffset(URI server, Duration timeout) throws IOException {
        HttpClient http;
        try {
            http = HttpClient.newBuilder()
                    .sslContext(TlsContexts.client(TlsContexts.recorder(TrustPolicy.insecure())))
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(HttpClientThreads.shared())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api" + Paths.SYSTEM_VERSION))
                .timeout(timeout.multipliedBy(3)).GET().build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            // One client per reading: its selector thread would otherwise live until the collector finds it.
            HttpClientThreads.end(http);
        }
        Instant received = Instant.now();
        String date = response.headers().firstValue("Date")
                .orElseThrow(() -> new IOException("its answer has no Date header"));
        try {
            Instant serverTime = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Duration.between(received, serverTime.plusMillis(500));
        } catch (DateTimeParseException e) {
            throw new IOException("its Date header '" + date + "' is not an HTTP date");
        }
    }
}
