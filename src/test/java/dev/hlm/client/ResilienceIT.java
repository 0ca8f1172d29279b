package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.ErrorType;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.fault.Fault;
import dev.hlm.tls.TrustPolicy;
import java.util.Optional;
import dev.hlm.testing.SimulatorExtension;
import dev.hlm.testing.WithSimulator;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The client against a simulator that fails the way real vCenters do: it repeats what is safe to repeat,
 * renews an expired session once, settles lost answers by listing, never sends a create twice blindly, and
 * never waits longer than its timeouts.
 */
@WithSimulator
class ResilienceIT {
    /** What the client told its listener, as lines. */
    static final class Recorder implements RecoveryListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void retrying(String operation, int retry, int retries, Duration pause, HlmException cause) {
            events.add("retry " + operation + " " + retry + "/" + retries);
        }

        @Override
        public void loggingInAgain(String operation, ApiException cause) {
            events.add("login again " + operation);
        }

        @Override
        public void answerLost(String operation, TransportException cause) {
            events.add("lost " + operation);
        }

        @Override
        public void outcomeFound(String operation, String outcome) {
            events.add("found " + operation + ": " + outcome);
        }

        long count(String prefix) {
            return events.stream().filter(e -> e.startsWith(prefix)).count();
        }
    }

    private final Recorder recorder = new Recorder();

    private HlmClient client(Simulator sim) {
        return client(sim, 3);
    }

    private HlmClient client(Simulator sim, int retries) {
        return SimulatorExtension.clientOf(sim)
                .requestTimeout(Duration.ofSeconds(2))
                .linkTimeout(Duration.ofSeconds(3))
                .retries(new RetryPolicy(retries, Duration.ofMillis(5), Duration.ofMillis(40)))
                .listener(recorder)
                .build();
    }

    private static CreateSpec spec(Simulator sim) {
        return new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(), sim.pscAdminUsername(),
                sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null, null);
    }

    private static long creates(Simulator sim) {
        return sim.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/hvc/links")).count();
    }

    private static long count(Simulator sim, String method, String path) {
        return sim.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    // --- repeating what is safe ---------------------------------------------------------------------------

    @Test
    @WithSimulator(faults = "list:error=SERVICE_UNAVAILABLE,times=2")
    void aReadRefusedWith503IsRepeated(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            assertThat(vc.listLinks()).isEmpty();
            assertThat(recorder.events).containsExactly("retry list links 1/3", "retry list links 2/3");
            assertThat(count(sim, "GET", "/api/hvc/links")).isEqualTo(3);
        }
    }

    @Test
    @WithSimulator(faults = "create:error=SERVICE_UNAVAILABLE,times=1")
    void aCreateRefusedWith503IsRepeatedBecauseItWasNotCarriedOut(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            CreatedLink created = vc.createLink(spec(sim));
            assertThat(created.foundAfterLostAnswer()).isFalse();
            assertThat(sim.links()).singleElement().satisfies(l -> assertThat(l.link()).isEqualTo(created.id()));
            assertThat(creates(sim)).isEqualTo(2);
        }
    }

    @Test
    @WithSimulator(faults = "create:error=SERVICE_UNAVAILABLE")
    void aServiceThatStaysUnavailableIsReportedAfterTheLastRepeat(Simulator sim) {
        try (HlmClient vc = client(sim, 2)) {
            assertThatThrownBy(() -> vc.createLink(spec(sim))).isInstanceOf(ApiException.ServiceUnavailable.class);
            assertThat(creates(sim)).isEqualTo(3);
            assertThat(sim.links()).isEmpty();
        }
    }

    @Test
    void loginAndLogoutAreRepeated() {
        try (Simulator sim = Simulator.builder()
                .fault(Fault.parse("login:error=SERVICE_UNAVAILABLE,times=2"), Fault.parse("logout:drop=after,times=1"))
                .build()) {
            try (HlmClient vc = client(sim)) {
                vc.login();
                assertThat(sim.openSessions()).isEqualTo(1);
            }
            assertThat(recorder.count("retry login")).isEqualTo(2);
            assertThat(recorder.count("retry logout")).as("the lost logout answer is repeated").isEqualTo(1);
            assertThat(sim.openSessions()).as("the session is gone: the repeat found it ended").isZero();
        }
    }

    @Test
    @WithSimulator(faults = "admin-add:drop=after,times=1")
    void anIdempotentAdminChangeWhoseAnswerIsLostIsRepeated(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            vc.addAdministrator("ops@corp.local");
            assertThat(sim.administrators()).containsExactly("ops@corp.local");
            assertThat(recorder.events).containsExactly("retry add administrator 1/3");
        }
    }

    @Test
    void aGarbledReadIsRepeatedButARedirectAndAHugeBodyAreNot() {
        try (Simulator sim = Simulator.builder().fault(Fault.parse("list:body=truncated,times=1")).build();
                HlmClient vc = client(sim)) {
            assertThat(vc.listLinks()).isEmpty();
            assertThat(recorder.count("retry list links")).isEqualTo(1);
        }
        recorder.events.clear();
        try (Simulator sim = Simulator.builder().fault(Fault.parse("list:status=302")).build();
                HlmClient vc = client(sim)) {
            assertThatThrownBy(vc::listLinks).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.kind()).isEqualTo(TransportException.Kind.PROTOCOL);
                assertThat(e.getMessage()).contains("redirect").contains("302");
            });
            assertThat(recorder.count("retry")).isZero();
        }
        try (Simulator sim = Simulator.builder().fault(Fault.parse("list:body=huge")).build();
                HlmClient vc = client(sim)) {
            assertThatThrownBy(vc::listLinks).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.getMessage()).contains("larger than 4 MiB"));
            assertThat(recorder.count("retry")).isZero();
        }
    }

    @Test
    void aProxyErrorPageOnAReadIsRepeatedButOneOnA4xxIsNot() {
        try (Simulator sim = Simulator.builder().fault(Fault.parse("list:status=502,times=1")).build();
                HlmClient vc = client(sim)) {
            assertThat(vc.listLinks()).isEmpty();
            assertThat(recorder.events).containsExactly("retry list links 1/3");
        }
        recorder.events.clear();
        try (Simulator sim = Simulator.builder().fault(Fault.parse("list:status=404,times=1")).build();
                HlmClient vc = client(sim)) {
            assertThatThrownBy(vc::listLinks).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.delivery()).isEqualTo(TransportException.Delivery.ANSWERED));
            assertThat(recorder.events).isEmpty();
        }
    }

    @Test
    @WithSimulator(faults = "list:error=SERVICE_UNAVAILABLE,times=1")
    void retriesCanBeTurnedOff(Simulator sim) {
        try (HlmClient vc = client(sim, 0)) {
            assertThatThrownBy(vc::listLinks).isInstanceOf(ApiException.ServiceUnavailable.class);
            assertThat(recorder.events).isEmpty();
        }
    }

    @Test
    void aRefusedConnectionIsRepeatedThenReported() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HlmClient vc = HlmClient.builder().server("127.0.0.1:" + port).username("u").password("pw".toCharArray())
                .retries(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10))).listener(recorder).build()) {
            assertThatThrownBy(vc::listLinks).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
                assertThat(e.delivery()).isEqualTo(TransportException.Delivery.NOT_SENT);
            });
            assertThat(recorder.events).containsExactly("retry login 1/2", "retry login 2/2");
        }
    }

    // --- timeouts -----------------------------------------------------------------------------------------

    @Test
    @WithSimulator(faults = "list:stall")
    void aStalledBodyEndsInATimeoutNotAHang(Simulator sim) {
        try (HlmClient vc = client(sim, 1)) {
            assertThatThrownBy(vc::listLinks).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
                assertThat(e.getMessage()).contains("did not answer within 2 s");
            });
            assertThat(recorder.events).containsExactly("retry list links 1/1");
        }
    }

    @Test
    @WithSimulator(faults = "list:trickle=3s")
    void aTrickledBodyThatOutlastsTheTimeoutEndsInATimeout(Simulator sim) {
        try (HlmClient vc = client(sim, 0)) {
            assertThatThrownBy(vc::listLinks).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        }
    }

    // --- sessions -----------------------------------------------------------------------------------------

    @Test
    void aSessionThatExpiresMidCommandIsRenewedOnceEvenForACreate() {
        try (Simulator sim = Simulator.builder().fault(Fault.parse("create:expire,times=1")).build()) {
            try (HlmClient vc = client(sim)) {
                String id = vc.createLink(spec(sim)).id();
                assertThat(sim.links()).singleElement().satisfies(l -> assertThat(l.link()).isEqualTo(id));
                assertThat(recorder.events).containsExactly("login again create link");
                assertThat(creates(sim)).as("the first was refused before it was carried out").isEqualTo(2);
                assertThat(sim.openSessions()).isEqualTo(1);
            }
            assertThat(sim.openSessions()).isZero();
        }
    }

    @Test
    @WithSimulator(faults = "list:expire,times=2")
    void aSecondExpiryInOneCallIsReported(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            assertThatThrownBy(vc::listLinks).isInstanceOf(ApiException.Unauthenticated.class);
            assertThat(recorder.count("login again")).isEqualTo(1);
        }
    }

    @Test
    @WithSimulator(faults = "list:expire,times=2")
    void afterASecondExpiryTheNextCallLogsInAfreshAndNeverSendsTheDeadToken(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            assertThatThrownBy(vc::listLinks).isInstanceOf(ApiException.Unauthenticated.class);
            int before = sim.requests().size();

            // A dead token sent again would be answered 401: harmless here, but when that answer is spoilt
            // (a proxy's page) it fails the call, and it always spends the call's one new login.
            assertThat(vc.listLinks()).isEmpty();

            assertThat(sim.requests().subList(before, sim.requests().size()))
                    .extracting(r -> r.method() + " " + r.path())
                    .containsExactly("POST /api/session", "GET /api/hvc/links");
            assertThat(recorder.count("login again")).isEqualTo(1);
        }
    }

    @Test
    @WithSimulator(apiVersion = dev.hlm.sim.ApiVersion.V6_7, faults = "list:expire,times=1")
    void theRestFlavorRenewsItsSessionInRestToo(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            assertThat(vc.listLinks()).isEmpty();
            assertThat(sim.requests()).extracting(RecordedRequest::path)
                    .filteredOn(p -> p.contains("session")).containsOnly("/api/session", "/rest/com/vmware/cis/session");
            assertThat(count(sim, "POST", "/rest/com/vmware/cis/session")).isEqualTo(2);
        }
    }

    // --- lost answers of changes --------------------------------------------------------------------------

    @Test
    @WithSimulator(faults = "create:drop=after")
    void aCreateWhoseAnswerIsLostAfterTheLinkWasMadeIsFoundByListingNotResent(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            CreatedLink created = vc.createLink(spec(sim));
            assertThat(created.foundAfterLostAnswer()).isTrue();
            assertThat(sim.links()).singleElement().satisfies(l -> assertThat(l.link()).isEqualTo(created.id()));
            assertThat(creates(sim)).as("never sent twice").isEqualTo(1);
            assertThat(recorder.events).containsExactly("lost create link",
                    "found create link: the link to vsphere.local was found: link " + created.id());
        }
    }

    @Test
    @WithSimulator(faults = "create:drop=before")
    void aCreateWhoseAnswerIsLostBeforeTheLinkWasMadeIsReportedAsNotLinked(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            assertThatThrownBy(() -> vc.createLink(spec(sim))).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.outcomeChecked()).isTrue();
                assertThat(e.delivery()).isEqualTo(TransportException.Delivery.UNKNOWN);
                assertThat(e.getMessage()).endsWith("none is to vsphere.local: not linked");
            });
            assertThat(sim.links()).isEmpty();
            assertThat(creates(sim)).isEqualTo(1);
        }
    }

    @Test
    void aCreateAnswerThatStallsOrIsUnreadableIsSettledByListing() {
        for (String fault : List.of("create:stall", "create:body=truncated", "create:body=html", "create:body=empty",
                "create:body=wrong-types", "create:status=504")) {
            try (Simulator sim = Simulator.builder().fault(Fault.parse(fault)).build();
                    HlmClient vc = client(sim)) {
                if (fault.endsWith("504")) {
                    // A gateway page says nothing of the create behind it; here none was made.
                    assertThatThrownBy(() -> vc.createLink(spec(sim))).as(fault)
                            .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.outcomeChecked()).isTrue());
                } else {
                    assertThat(vc.createLink(spec(sim)).foundAfterLostAnswer()).as(fault).isTrue();
                    assertThat(sim.links()).as(fault).hasSize(1);
                }
                assertThat(creates(sim)).as(fault).isEqualTo(1);
            }
        }
    }

    @Test
    @WithSimulator(faults = {"create:drop=after", "list:status=500"})
    void whenTheListingFailsTooTheOutcomeIsUnknown(Simulator sim) {
        try (HlmClient vc = client(sim, 1)) {
            assertThatThrownBy(() -> vc.createLink(spec(sim))).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.outcomeChecked()).isTrue();
                assertThat(e.getMessage()).contains("listing the links").endsWith("the outcome is unknown");
            });
            assertThat(creates(sim)).isEqualTo(1);
        }
    }

    @Test
    void aDeleteWhoseAnswerIsLostIsSettledByListing(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            String id = vc.createLink(spec(sim)).id();
            sim.injectFaults(Fault.parse("delete:drop=after,times=1"));
            vc.deleteLink(id, Optional.empty());
            assertThat(sim.links()).isEmpty();
            assertThat(recorder.events).containsExactly("lost delete link",
                    "found delete link: link " + id + " is no longer listed: unlinked");

            String again = vc.createLink(spec(sim)).id();
            sim.injectFaults(Fault.parse("delete:drop=before,times=1"));
            assertThatThrownBy(() -> vc.deleteLink(again, Optional.empty())).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.getMessage()).endsWith("link " + again + " is still there: not unlinked"));
            assertThat(sim.links()).hasSize(1);
            assertThat(count(sim, "DELETE", "/api/hvc/links/" + again)).isEqualTo(1);
        }
    }

    @Test
    @WithSimulator(faults = "create:error=ALREADY_EXISTS")
    void aDefiniteRefusalIsNeverRepeated(Simulator sim) {
        try (HlmClient vc = client(sim)) {
            assertThatThrownBy(() -> vc.createLink(spec(sim))).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.errorType()).isEqualTo(ErrorType.ALREADY_EXISTS));
            assertThat(recorder.events).isEmpty();
            assertThat(creates(sim)).isEqualTo(1);
        }
    }
}
