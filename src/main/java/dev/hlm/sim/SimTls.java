package dev.hlm.sim;

import java.nio.ByteBuffer;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A server SSLContext whose engines play two things a real server's TLS shows and the JDK's server cannot:
 * <ul>
 *   <li>a skewed clock (decision D14): the {@code Date} header of each response head is rewritten as it is
 *       encrypted. Needed because the JDK's HttpServer stamps the real time over any Date a handler sets;
 *       the TLS engine is the one place the simulator sees the head before the client. The head is
 *       rewritten in a copy and only at the same length, so the bytes consumed stay correct;
 *   <li>distance: the server's first handshake answer (its ServerHello) leaves this much later, as it would
 *       from a server one round trip away. The TCP handshake itself is the kernel's and cannot be delayed,
 *       so this is the round trip {@code link check} measures. The sleep holds one of the server's threads,
 *       as the delayed answers do.
 * </ul>
 * Used only when an offset or a delay is configured. About 300 lines because an {@code SSLEngine} wrapper must
 * forward every abstract method of the JDK's class; both behaviours above live in {@code wrap} (the delay on the
 * first handshake answer only).
 */
final class SimTls {
    private SimTls() {}

    /**
     * @param clock the clock for Date headers, or null to leave them alone
     * @param handshakeDelay how much later each connection's first handshake answer leaves; zero for none
     */
    static SSLContext wrap(SSLContext delegate, Clock clock, Duration handshakeDelay) {
        if (clock == null && handshakeDelay.isZero()) {
            return delegate;
        }
        return new Context(delegate, clock, handshakeDelay.toMillis());
    }

    private static final class Context extends SSLContext {
        Context(SSLContext delegate, Clock clock, long handshakeDelayMillis) {
            super(new Spi(delegate, clock, handshakeDelayMillis), delegate.getProvider(), delegate.getProtocol());
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final Clock clock;
        private final long handshakeDelayMillis;

        Spi(SSLContext delegate, Clock clock, long handshakeDelayMillis) {
            this.delegate = delegate;
            this.clock = clock;
            this.handshakeDelayMillis = handshakeDelayMillis;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("already initialised: wraps an initialised context");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return new Engine(delegate.createSSLEngine(), clock, handshakeDelayMillis);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return new Engine(delegate.createSSLEngine(host, port), clock, handshakeDelayMillis);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }

    /** Delegates everything; only {@link #wrap(ByteBuffer[], int, int, ByteBuffer)} adds to it. */
    private static final class Engine extends SSLEngine {
        private final SSLEngine delegate;
        private final Clock clock;
        private final long handshakeDelayMillis;
        private boolean answeredHandshake;

        Engine(SSLEngine delegate, Clock clock, long handshakeDelayMillis) {
            super(delegate.getPeerHost(), delegate.getPeerPort());
            this.delegate = delegate;
            this.clock = clock;
            this.handshakeDelayMillis = handshakeDelayMillis;
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
            if (!answeredHandshake && delegate.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                answeredHandshake = true; // once per connection: the ServerHello, not each record after it
                pause();
            }
            if (clock != null && length == 1 && DateHeader.startsResponseHead(srcs[offset])) {
                ByteBuffer src = srcs[offset];
                byte[] plain = new byte[src.remaining()];
                src.duplicate().get(plain);
                byte[] rewritten = DateHeader.rewrite(plain, clock);
                if (rewritten != null) {
                    SSLEngineResult result = delegate.wrap(ByteBuffer.wrap(rewritten), dst);
                    src.position(src.position() + result.bytesConsumed());
                    return result;
                }
            }
            return delegate.wrap(srcs, offset, length, dst);
        }

        private void pause() {
            if (handshakeDelayMillis > 0) {
                try {
                    Thread.sleep(handshakeDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
            return delegate.unwrap(src, dsts, offset, length);
        }

        @Override
        public Runnable getDelegatedTask() {
            return delegate.getDelegatedTask();
        }

        @Override
        public void closeInbound() throws SSLException {
            delegate.closeInbound();
        }

        @Override
        public boolean isInboundDone() {
            return delegate.isInboundDone();
        }

        @Override
        public void closeOutbound() {
            delegate.closeOutbound();
        }

        @Override
        public boolean isOutboundDone() {
            return delegate.isOutboundDone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return delegate.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            delegate.setEnabledCipherSuites(suites);
        }

        @Override
        public String[] getSupportedProtocols() {
            return delegate.getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return delegate.getEnabledProtocols();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            delegate.setEnabledProtocols(protocols);
        }

        @Override
        public javax.net.ssl.SSLSession getSession() {
            return delegate.getSession();
        }

        @Override
        public javax.net.ssl.SSLSession getHandshakeSession() {
            return delegate.getHandshakeSession();
        }

        @Override
        public void beginHandshake() throws SSLException {
            delegate.beginHandshake();
        }

        @Override
        public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
            return delegate.getHandshakeStatus();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            delegate.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return delegate.getUseClientMode();
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            delegate.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return delegate.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            delegate.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return delegate.getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            delegate.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return delegate.getEnableSessionCreation();
        }

        @Override
        public SSLParameters getSSLParameters() {
            return delegate.getSSLParameters();
        }

        @Override
        public void setSSLParameters(SSLParameters params) {
            delegate.setSSLParameters(params);
        }

        @Override
        public String getApplicationProtocol() {
            return delegate.getApplicationProtocol();
        }

        @Override
        public String getHandshakeApplicationProtocol() {
            return delegate.getHandshakeApplicationProtocol();
        }

        @Override
        public void setHandshakeApplicationProtocolSelector(
                java.util.function.BiFunction<SSLEngine, java.util.List<String>, String> selector) {
            delegate.setHandshakeApplicationProtocolSelector(selector);
        }

        @Override
        public java.util.function.BiFunction<SSLEngine, java.util.List<String>, String>
                getHandshakeApplicationProtocolSelector() {
            return delegate.getHandshakeApplicationProtocolSelector();
        }
    }
}
