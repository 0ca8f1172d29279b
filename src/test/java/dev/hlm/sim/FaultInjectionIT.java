package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.sim.fault.Fault;
import dev.hlm.sim.fault.FaultAction;
import dev.hlm.sim.fault.FaultRoute;
import dev.hlm.testing.WithSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fault as a client sees it on the wire, and whether the change behind it was made. */
@WithSimulator
class FaultInjectionIT {
    private static final String LINKS = "/api/hvc/links";

    private static String login(Simulator sim, SimHttp http) {
        return http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword());
    }

    @Test
    @WithSimulator(faults = "create:error=SERVICE_UNAVAILABLE")
    void errorAnswersTheTypeWithItsStatusInEachFlavorAndChangesNothing(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);

        Reply api = http.post(LINKS, SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token));
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.errorType()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(api.message()).contains("create:error=SERVICE_UNAVAILABLE");

        Reply rest = http.post("/rest/hvc/links", SimFixtures.rest(SimFixtures.goodSpec(sim)), SimHttp.session(token));
        assertThat(rest.status()).isEqualTo(503);
        assertThat(rest.errorType()).isEqualTo("com.vmware.vapi.std.errors.service_unavailable");

        assertThat(sim.links()).isEmpty();
        assertThat(sim.injections()).hasSize(2)
                .allSatisfy(i -> assertThat(i.fault()).hasToString("create:error=SERVICE_UNAVAILABLE"));
        assertThat(http.get(LINKS, SimHttp.session(token)).status()).as("other routes are untouched").isEqualTo(200);
    }

    /** The 8.0.2 spec declares RESOURCE_BUSY for links.get as HTTP 500, not the usual 400 (decision D16). */
    @Test
    @WithSimulator(faults = {"get:error=RESOURCE_BUSY", "list:error=RESOURCE_BUSY,times=1"})
    void aBusyLinkGetAnswers500AsTheSpecDeclaresAndOtherCallsTheUsual400(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String[] session = SimHttp.session(login(sim, http));
        Reply list = http.get(LINKS, session);
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.errorType()).isEqualTo("RESOURCE_BUSY");
        Reply get = http.get(LINKS + "/some-link", session);
        assertThat(get.status()).as(get.body()).isEqualTo(500);
        assertThat(get.errorType()).isEqualTo("RESOURCE_BUSY");
        Reply rest = http.get("/rest/hvc/links/some-link", session);
        assertThat(rest.status()).isEqualTo(500);
        assertThat(rest.json().path("type").asText()).isEqualTo("com.vmware.vapi.std.errors.resource_busy");
    }

    @Test
    @WithSimulator(faults = "list:latency=50ms")
    void latencyDelaysAndThenAnswersNormally(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        Reply list = http.get(LINKS, SimHttp.session(login(sim, http)));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(sim.injections()).singleElement().satisfies(i -> assertThat(i.path()).isEqualTo(LINKS));
    }

    @Test
    @WithSimulator(faults = "create:drop=before")
    void dropBeforeClosesTheConnectionAndNothingChanges(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);
        assertThatThrownBy(() -> http.post(LINKS, SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.links()).isEmpty();
    }

    @Test
    @WithSimulator(faults = "create:drop=after")
    void dropAfterMakesTheChangeAndLosesTheAnswer(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);
        assertThatThrownBy(() -> http.post(LINKS, SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.links()).singleElement().satisfies(l -> assertThat(l.displayName()).isEqualTo(sim.domainName()));
    }

    @Test
    @WithSimulator(faults = "create:stall=1s")
    void stallSendsTheHeadersMakesTheChangeAndHoldsTheBodyBack(Simulator sim) throws IOException {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);
        HttpResponse<InputStream> response = http.sendStreaming("POST", LINKS,
                SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token));
        assertThat(response.statusCode()).as("the headers arrive").isEqualTo(201);
        assertThat(sim.links()).as("the change is made").hasSize(1);
        try (InputStream body = response.body()) {
            assertThatThrownBy(body::readAllBytes).as("the body never comes: the connection closes without it")
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    @WithSimulator(faults = "list:trickle=5ms")
    void trickleSendsTheWholeBodySlowly(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        Reply list = http.get(LINKS, SimHttp.session(login(sim, http)));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[]");
    }

    @Test
    void spoiledBodiesKeepTheStatusAndTheChange() {
        String[][] cases = {
            {"empty", ""},
            {"text", "Service is starting, please try again later."},
            {"truncated", "[{\"link\":\""},
        };
        for (String[] c : cases) {
            try (Simulator sim = Simulator.builder().build()) {
                SimHttp http = SimHttp.cloud(sim);
                String token = login(sim, http);
                assertThat(http.post(LINKS, SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token)).status())
                        .isEqualTo(201);
                sim.injectFaults(Fault.parse("list:body=" + c[0]));
                Reply list = http.get(LINKS, SimHttp.session(token));
                assertThat(list.status()).as(c[0]).isEqualTo(200);
                assertThat(list.body()).as(c[0]).startsWith(c[1]);
                assertThat(list.body().length()).as(c[0]).isLessThan(60);
            }
        }
    }

    @Test
    void htmlWrongTypesAndHugeBodies(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);
        http.post(LINKS, SimFixtures.api(SimFixtures.goodSpec(sim)), SimHttp.session(token));

        sim.injectFaults(Fault.parse("list:body=html,times=1"));
        Reply html = http.get(LINKS, SimHttp.session(token));
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).contains("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>");

        sim.injectFaults(Fault.parse("list:body=wrong-types,times=1"));
        Reply wrong = http.get(LINKS, SimHttp.session(token));
        assertThat(wrong.json().isObject()).as("the array of links became an object").isTrue();
        assertThat(wrong.json().path("0").isArray()).as("each link became an array").isTrue();
        assertThat(wrong.json().path("0").path(0).path("text").isTextual()).as("strings became objects").isTrue();

        sim.injectFaults(Fault.parse("list:body=huge,times=1"));
        Reply huge = http.get(LINKS, SimHttp.session(token));
        assertThat(huge.body()).hasSize(FaultInjector.HUGE_BODY_BYTES);
    }

    @Test
    @WithSimulator(faults = {"list:status=302,times=1", "list:status=502,times=1"})
    void statusAnswersAnHtmlPageAndA3xxRedirects(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);
        Reply redirect = http.get(LINKS, SimHttp.session(token));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).contains(FaultInjector.REDIRECT_LOCATION);
        Reply gateway = http.get(LINKS, SimHttp.session(token));
        assertThat(gateway.status()).isEqualTo(502);
        assertThat(gateway.body()).contains("HTTP 502");
        assertThat(http.get(LINKS, SimHttp.session(token)).status()).isEqualTo(200);
    }

    @Test
    @WithSimulator(faults = "admin-add:expire")
    void expireEndsTheSessionBeforeTheRouteRuns(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);
        assertThat(sim.openSessions()).isEqualTo(1);
        Reply add = http.post("/api/hvc/management/administrators?action=add", "{\"group_name\":\"ops@corp.local\"}",
                SimHttp.session(token));
        assertThat(add.status()).isEqualTo(401);
        assertThat(add.errorType()).isEqualTo("UNAUTHENTICATED");
        assertThat(sim.openSessions()).isZero();
        assertThat(sim.administrators()).isEmpty();
    }

    @Test
    @WithSimulator(faults = "list:error=SERVICE_UNAVAILABLE,every=3,times=2")
    void everyAndTimesPickTheCalls(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(http.get(LINKS, SimHttp.session(token)).status());
        }
        assertThat(statuses).containsExactly(200, 200, 503, 200, 200, 503, 200, 200, 200, 200);
    }

    @Test
    void aSeedMakesTheProbabilisticFaultsRepeatable() {
        List<Integer> first = statusesWithSeed(42);
        assertThat(first).contains(200, 503);
        assertThat(statusesWithSeed(42)).isEqualTo(first);
    }

    private static List<Integer> statusesWithSeed(long seed) {
        try (Simulator sim = Simulator.builder().seed(seed).fault(Fault.parse("list:error=SERVICE_UNAVAILABLE,p=0.5")).build()) {
            SimHttp http = SimHttp.cloud(sim);
            String token = login(sim, http);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                statuses.add(http.get(LINKS, SimHttp.session(token)).status());
            }
            return statuses;
        }
    }

    @Test
    void routesSelectTheCallsAndFaultsCanBeClearedAtRunTime(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        String token = login(sim, http);
        sim.injectFaults(Fault.on(FaultRoute.ADMIN, FaultAction.status(500)));
        assertThat(http.get("/api/hvc/management/administrators", SimHttp.session(token)).status()).isEqualTo(500);
        assertThat(http.get(LINKS, SimHttp.session(token)).status()).isEqualTo(200);

        sim.injectFaults(Fault.on(FaultRoute.ANY, FaultAction.status(503)));
        assertThat(http.get(LINKS, SimHttp.session(token)).status()).isEqualTo(503);
        assertThat(http.get("/api/no/such/route", SimHttp.session(token)).status()).isEqualTo(503);

        sim.clearFaults();
        assertThat(http.get(LINKS, SimHttp.session(token)).status()).isEqualTo(200);
        assertThat(sim.injections()).hasSize(3);
    }

    @Test
    void aStalledAnswerEndsWhenTheSimulatorStops() throws Exception {
        Simulator sim = Simulator.builder().fault(Fault.parse("list:stall")).build();
        SimHttp http = SimHttp.cloud(sim);
        HttpResponse<InputStream> response = http.sendStreaming("GET", LINKS, null, SimHttp.session(login(sim, http)));
        assertThat(response.statusCode()).isEqualTo(200);
        sim.close();
        try (InputStream body = response.body()) {
            assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    @Test
    @WithSimulator(faults = "any:status=500")
    void thePscIsNeverFaulted(Simulator sim) {
        SimHttp psc = SimHttp.psc(sim);
        assertThat(psc.loginApi(sim.pscAdminUsername(), sim.pscAdminPassword())).isNotEmpty();
        assertThat(sim.injections()).isEmpty();
    }
}
