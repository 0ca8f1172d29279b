package dev.hlm.tls;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** Builds the SSLContext for one client from its trust policy. */
public final class TlsContexts {
    private TlsContexts() {}

    /** A client context whose trust decisions are the policy's, recorded by {@code recorder}. */
    public static SSLContext client(RecordingTrustManager recorder) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recorder}, new SecureRandom());
        return context;
    }

    public static RecordingTrustManager recorder(TrustPolicy policy) throws GeneralSecurityException {
        return new RecordingTrustManager(policy.trustManager());
    }
}
