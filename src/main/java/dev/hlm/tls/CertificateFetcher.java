package dev.hlm.tls;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Opens TLS to a host only to see the certificate it presents, trusting nothing and sending nothing.
 * This is how a user (or the cloud vCenter) learns a PSC's thumbprint before deciding to trust it.
 */
public final class CertificateFetcher {
    private CertificateFetcher() {}

    /**
     * The leaf certificate {@code host:port} presents.
     *
     * @throws IOException when the host cannot be reached or does not speak TLS; the message names host:port
     */
    public static X509Certificate fetch(String host, int port, Duration timeout) throws IOException {
        return fetchChain(host, port, timeout).get(0);
    }

    /**
     * Every certificate {@code host:port} presents, in the order it sent them: its own first, then (as a server
     * should send them) each one's issuer. None of them is checked: this is what the server says, to look at.
     *
     * @return at least one certificate
     * @throws IOException when the host cannot be reached or does not speak TLS; the message names host:port
     */
    public static List<X509Certificate> fetchChain(String host, int port, Duration timeout) throws IOException {
        RecordingTrustManager recorder;
        try {
            recorder = TlsContexts.recorder(TrustPolicy.insecure());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            try (SSLSocket tls = (SSLSocket) TlsContexts.client(recorder).getSocketFactory()
                    .createSocket(plain, host, port, false)) {
                tls.startHandshake();
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        List<X509Certificate> chain = recorder.lastServerChain();
        if (chain.isEmpty()) {
            throw new IOException(HostNames.hostPort(host, port) + " presented no certificate");
        }
        return chain;
    }

    /** Why a certificate could not be fetched, in a few words. */
    public static String reason(IOException e, Duration timeout) {
        if (e instanceof UnknownHostException) {
            return "the name does not resolve";
        }
        if (e instanceof SocketTimeoutException) {
            return "no certificate within " + timeout.toSeconds() + " s";
        }
        if (e instanceof SSLException) {
            return "TLS failed (" + e.getMessage() + ")";
        }
        if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().contains("refused"))) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
