package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.api;
import static dev.hlm.sim.SimFixtures.goodSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cloud vCenter's own view of the network to the PSC: a man in the middle on its way there
 * ({@code pscInterceptor}), or a PSC only the cloud side reaches ({@code pscReachableOnlyFromCloud}).
 */
@WithSimulator
class PscPathIT {
    @Test
    void throughAnInterceptorTheCloudVcenterSeesAndReportsItsCertificate() {
        GeneratedCertificate intercepting = GeneratedCertificate.builder("mitm").build();
        try (Simulator sim = Simulator.builder().pscInterceptor(intercepting).build()) {
            SimHttp http = SimHttp.cloud(sim);
            String[] admin = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
            Map<String, Object> spec = goodSpec(sim);
            spec.remove("ssl_thumbprint");

            Reply refused = http.post("/api/hvc/links", api(spec), admin);
            assertThat(refused.errorType()).isEqualTo("UNVERIFIED_PEER");
            assertThat(refused.data().path("ssl_thumbprint").asText()).isEqualTo(intercepting.sha256().toString());

            // The PSC's real thumbprint does not help: the cloud vCenter sees the interceptor.
            Reply real = http.post("/api/hvc/links", api(goodSpec(sim)), admin);
            assertThat(real.errorType()).isEqualTo("UNVERIFIED_PEER");

            // The interceptor's does, and then it is the interceptor that receives the PSC login.
            spec.put("ssl_thumbprint", intercepting.sha256().toString());
            Reply through = http.post("/api/hvc/links", api(spec), admin);
            assertThat(through.status()).as(through.body()).isEqualTo(201);
            assertThat(sim.pscInterceptorRequests()).anySatisfy(r -> assertThat(r.headers()).containsKey("authorization"));
            assertThat(sim.pscRequests()).isEmpty();
        }
    }

    @Test
    @WithSimulator(pscReachableOnlyFromCloud = true)
    void aPscReachableOnlyFromTheCloudCanBeLinkedButNotReachedFromHere(Simulator sim) throws IOException {
        assertThat(sim.pscHostname()).isNotEqualTo(Simulator.HOST);
        try (Socket socket = new Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> socket.connect(new InetSocketAddress(sim.pscHostname(), sim.pscPort()), 5000))
                    .isInstanceOf(IOException.class);
        }
        SimHttp http = SimHttp.cloud(sim);
        String[] admin = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        Reply created = http.post("/api/hvc/links", api(goodSpec(sim)), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().asText();
        assertThat(http.get("/api/hvc/links/" + id, admin).json().path("connection_health_status").asText())
                .isEqualTo("HEALTHY");
        assertThat(sim.links()).singleElement().satisfies(l -> assertThat(l.displayName()).isEqualTo(sim.domainName()));
    }
}
