import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The benchmark's remote control for a running {@code hlm sim}, JDK only: talks to the simulator named by
 * {@code HLM_SERVER}, trusting exactly {@code HLM_CA_CERT}, as {@code eval "$(hlm sim)"} sets them.
 *
 * <pre>
 *   reset   DELETE /sim/state: a fresh simulator state, before each measured run
 *   stats   GET /sim/stats, printed as: CLOUD_REQUESTS CLOUD_HANDSHAKES PSC_REQUESTS PSC_HANDSHAKES
 *   stats-reset  both: what the last run did, then a fresh state for the next (one JVM start, not two)
 *   login   logs in as HLM_USERNAME / HLM_PASSWORD and prints the session token (for wrk's header)
 * </pre>
 */
public final class SimControl {
    private SimControl() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            fail("usage: SimControl reset|stats|stats-reset|login");
        }
        String server = env("HLM_SERVER");
        SSLContext tls = trusting(Path.of(env("HLM_CA_CERT")));
        switch (args[0]) {
            case "reset" -> expect(call(tls, "DELETE", server + "/sim/state", null), 204);
            case "stats" -> System.out.println(stats(expect(call(tls, "GET", server + "/sim/stats", null), 200)));
            case "stats-reset" -> {
                System.out.println(stats(expect(call(tls, "GET", server + "/sim/stats", null), 200)));
                expect(call(tls, "DELETE", server + "/sim/state", null), 204);
            }
            case "login" -> {
                String basic = Base64.getEncoder().encodeToString(
                        (env("HLM_USERNAME") + ":" + env("HLM_PASSWORD")).getBytes(StandardCharsets.UTF_8));
                String token = expect(call(tls, "POST", server + "/api/session", "Basic " + basic), 201);
                System.out.println(token.replace("\"", "").trim());
            }
            default -> fail("unknown command " + args[0]);
        }
    }

    private record Reply(int status, String body) {}

    private static Reply call(SSLContext tls, String method, String url, String authorization) throws IOException {
        HttpsURLConnection conn = (HttpsURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
        conn.setSSLSocketFactory(tls.getSocketFactory());
        conn.setRequestMethod(method);
        conn.setConnectTimeout(10_000);
        conn.setReadTimeout(30_000);
        if (authorization != null) {
            conn.setRequestProperty("Authorization", authorization);
        }
        if (method.equals("POST")) {
            conn.setDoOutput(true);
            try (OutputStream out = conn.getOutputStream()) {
                out.flush();
            }
        }
        int status = conn.getResponseCode();
        InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Reply(status, body);
    }

    private static String expect(Reply reply, int status) {
        if (reply.status() != status) {
            fail("the simulator answered " + reply.status() + ", not " + status + ": " + reply.body());
        }
        return reply.body();
    }

    /** {"cloud":{"requests":3,"tls_handshakes":1},"psc":{...}} as four numbers. */
    private static String stats(String json) {
        Matcher m = Pattern.compile("\"requests\":(\\d+),\"tls_handshakes\":(\\d+)").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            out.append(out.length() == 0 ? "" : " ").append(m.group(1)).append(' ').append(m.group(2));
        }
        return out.toString();
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(pem)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            fail(name + " is not set: run inside eval \"$(hlm sim --background)\"");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("SimControl: " + message);
        System.exit(1);
    }
}
