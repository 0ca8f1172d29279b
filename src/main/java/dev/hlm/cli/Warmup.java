package dev.hlm.cli;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Json;
import dev.hlm.api.Summary;
import dev.hlm.tls.Pem;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Sets up, in a second thread while the main one parses the command line, what a command that talks to a
 * vCenter needs first: the TLS stack up to a client hello (cipher suite tables, key shares, the crypto
 * providers), certificate path validation, the HTTPS handler, and the JSON mapper with its serialisers. That is one-time work of the
 * JVM, a good part of a short run, and the two cores of even a small machine can do it side by side. Only
 * the real process does it ({@link Main#main}), only for commands that connect, and nothing it makes is
 * used: a failure here costs nothing but the time, and the command then sets things up itself as always.
 */
final class Warmup {
    /** The commands that talk to a server; the others ({@code --version}, {@code --help}, sim, demo) skip this. */
    private static final Set<String> CONNECTING = Set.of("link", "admin");

    private Warmup() {}

    /** Starts the warm-up when the command will connect; {@code -Dhlm.warmup=false} turns it off, to compare. */
    static void startFor(String[] args) {
        if ("false".equals(System.getProperty("hlm.warmup"))) {
            return;
        }
        List<String> all = List.of(args);
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            if (CONNECTING.contains(arg) && !all.contains("--help") && !all.contains("-h")) {
                Thread thread = new Thread(new Work(), "hlm-warmup");
                thread.setDaemon(true);
                thread.start();
            }
            return;
        }
    }

    /**
     * The work itself, in a class of its own: the JVM verifies a class's methods when it links it, loading
     * the types they use, and {@code hlm --version} must not pay for TLS and JSON classes it never runs.
     */
    static final class Work implements Runnable {
        @Override
        public void run() {
            // In the order the command needs them: TLS first, then the JSON of the first answer. Each part
            // on its own: one that fails leaves the next to do.
            try {
                tls();
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                // Only time is lost: the command sets up the same things itself.
            }
            try {
                json();
            } catch (IOException | RuntimeException e) {
                // As above.
            }
        }

        private static void tls() throws GeneralSecurityException, IOException {
            SSLEngine engine = TlsContexts.client(TlsContexts.recorder(TrustPolicy.insecure()))
                    .createSSLEngine("warmup.invalid", 443);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            engine.beginHandshake();
            // The client hello: key shares are generated, extensions produced, nothing is sent anywhere.
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            // The HTTP client's request and body classes; building a request sends nothing.
            java.net.http.HttpRequest.newBuilder(URI.create("https://warmup.invalid/"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build();
            java.net.http.HttpResponse.BodyHandlers.ofByteArray();
            // What the handshake then checks of the server's certificate, done on a self-signed certificate
            // kept for this (public only, its key discarded when it was made): path validation, with the
            // certificate as the anchor, then the host name, which fails here, but only after Java 17 has
            // loaded its table of the JDK's own CA certificates, as it does on the first check of any name.
            X509Certificate certificate = warmupCertificate();
            try {
                TrustPolicy.certificates(List.of(certificate)).trustManager()
                        .checkServerTrusted(new X509Certificate[] {certificate}, "ECDHE_ECDSA", engine);
            } catch (CertificateException expected) {
                // "No name matching warmup.invalid": the end of what there was to warm.
            }
            engine.closeOutbound();
        }

        private static X509Certificate warmupCertificate() throws IOException {
            try (InputStream in = Warmup.class.getResourceAsStream("warmup-certificate.pem")) {
                if (in == null) {
                    throw new IOException("no warm-up certificate");
                }
                return Pem.parseCertificates(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).get(0);
            }
        }

        private static void json() throws IOException {
            Json.write(new CreateSpec("psc", "443", "vsphere.local", "administrator@vsphere.local",
                    new char[] {'x'}, null, null, List.of("group@domain")));
            Json.mapper().treeToValue(Json.mapper().readTree("{\"link\":\"l\",\"display_name\":\"d\"}"),
                    Summary.class);
        }
    }
}
