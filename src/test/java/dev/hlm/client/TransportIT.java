package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hlm.api.ErrorType;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.Traffic;
import dev.hlm.tls.TrustPolicy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transport over HttpsURLConnection, against the simulator: one kept-alive connection per client, and
 * a refused session on a request with a body (streamed, whose 401 answer the JDK drops) still arrives as
 * the API's UNAUTHENTICATED, as it does on a request without one.
 */
class TransportIT {
    private static HlmClient client(Simulator sim, HlmClient.FlavorChoice flavor) {
        return HlmClient.builder().server(sim.cloudUrl()).username(sim.cloudAdminUsername())
                .password(sim.cloudAdminPassword()).flavor(flavor)
                .trust(TrustPolicy.certificates(List.of(sim.cloudCertificate().certificate()))).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = HlmClient.FlavorChoice.class, names = {"API", "REST"})
    void everyCallOfAClientSharesOneConnection(HlmClient.FlavorChoice flavor) {
        try (Simulator sim = Simulator.builder().build()) {
            try (HlmClient vc = client(sim, flavor)) {
                vc.listLinks();
                vc.addAdministrator("ops@corp.local");
                vc.administrators();
                vc.version();
            }
            assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(6, 1)); // login, four calls, logout
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = HlmClient.FlavorChoice.class, names = {"API", "REST"})
    void aSessionGoneIsUnauthenticatedWithOrWithoutABody(HlmClient.FlavorChoice flavor) {
        try (Simulator sim = Simulator.builder().build(); HlmClient vc = client(sim, flavor)) {
            vc.login();
            sim.reset(); // the server forgets every session

            ApiException withBody = catchThrowableOfType(() -> vc.addAdministrator("ops@corp.local"),
                    ApiException.class);
            assertThat(withBody.errorType()).isEqualTo(ErrorType.UNAUTHENTICATED);
            assertThat(withBody.httpStatus()).isEqualTo(401);

            ApiException withoutBody = catchThrowableOfType(vc::listLinks, ApiException.class);
            assertThat(withoutBody.errorType()).isEqualTo(ErrorType.UNAUTHENTICATED);
            assertThat(withoutBody.serverMessage()).isEqualTo(withBody.serverMessage());
            assertThat(sim.administrators()).isEmpty();
        }
    }
}
