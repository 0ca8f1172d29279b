package dev.hlm.cli;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Json;
import dev.hlm.api.Summary;
import dev.hlm.tls.Pem;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;

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
            try {
                // In the order the command needs them: TLS first, then the JSON of the first answer.
                SSLEngine engine = TlsContexts.client(TlsContexts.recorder(TrustPolicy.insecure()))
                        .createSSLEngine("warmup.invalid", 443);
                engine.setUseClientMode(true);
                engine.beginHandshake();
                // The client hello: key shares are generated, extensions produced, nothing is sent anywhere.
                engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
                engine.closeOutbound();
                validateACertificatePath();
                // The HTTPS protocol handler and its connection classes; opening a connection sends nothing.
                URI.create("https://warmup.invalid/").toURL().openConnection(Proxy.NO_PROXY);
                Json.write(new CreateSpec("psc", "443", "vsphere.local", "administrator@vsphere.local",
                        new char[] {'x'}, null, null, List.of("group@domain")));
                Json.mapper().treeToValue(Json.mapper().readTree("{\"link\":\"l\",\"display_name\":\"d\"}"),
                        Summary.class);
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                // Only time is lost: the command sets up the same things itself.
            }
        }

        /**
         * Path validation as the handshake does it, on a self-signed certificate of no consequence (public,
         * its key thrown away when it was made): parsing, the signature check and, on the first validation
         * of any path, Java 17 loading its whole table of the JDK's own CA certificates.
         */
        private static void validateACertificatePath() throws IOException, GeneralSecurityException {
            try (InputStream in = Warmup.class.getResourceAsStream("warmup-certificate.pem")) {
                if (in == null) {
                    return;
                }
                X509Certificate certificate = Pem.parseCertificates(new String(in.readAllBytes(),
                        StandardCharsets.US_ASCII)).get(0);
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(certificate, null)));
                parameters.setRevocationEnabled(false);
                CertPathValidator.getInstance("PKIX").validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
            }
        }
    }
}
