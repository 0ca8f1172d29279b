package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.hlm.tls.GeneratedCertificate;
import dev.hlm.tls.TrustPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A redirect is an error, never followed: the credentials go only to the server named. */
class RedirectIT {
    @Test
    void aRedirectedLoginIsNotFollowed() throws Exception {
        GeneratedCertificate certificate = GeneratedCertificate.builder("redirecting").build();
        List<String> elsewhereGot = new CopyOnWriteArrayList<>();
        HttpsServer elsewhere = server(certificate);
        elsewhere.createContext("/", exchange -> {
            elsewhereGot.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        HttpsServer named = server(certificate);
        String target = "https://127.0.0.1:" + elsewhere.getAddress().getPort() + "/api/session";
        named.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Location", target);
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        elsewhere.start();
        named.start();
        try (HlmClient vc = HlmClient.builder().server("127.0.0.1:" + named.getAddress().getPort()).username("u")
                .password("not-for-elsewhere".toCharArray())
                .trust(TrustPolicy.certificates(List.of(certificate.certificate()))).build()) {
            assertThatThrownBy(vc::login).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.kind()).isEqualTo(TransportException.Kind.PROTOCOL);
                assertThat(e.getMessage()).contains("redirect", target);
            });
        } finally {
            named.stop(0);
            elsewhere.stop(0);
        }
        assertThat(elsewhereGot).isEmpty();
    }

    private static HttpsServer server(GeneratedCertificate certificate) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        return server;
    }
}
