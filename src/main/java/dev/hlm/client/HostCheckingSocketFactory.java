package dev.hlm.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The client's TLS sockets, each asking its trust manager to check the host name during the handshake
 * (endpoint identification "HTTPS"). Set on the socket itself, so the decision stays with the client's
 * trust policy, whatever JVM-wide default host name verifier some other code may have installed; a pinned or
 * insecure policy ignores the name, as it does by design.
 */
final class HostCheckingSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    HostCheckingSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    private static Socket checked(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(params);
        }
        return socket;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return checked(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return checked(delegate.createSocket(s, consumed, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return checked(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return checked(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return checked(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return checked(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return checked(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
