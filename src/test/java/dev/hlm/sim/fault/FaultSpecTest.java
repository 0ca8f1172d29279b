package dev.hlm.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hlm.api.ErrorType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one text form of a fault: what it reads, what it refuses, and that the typed model prints it back. */
class FaultSpecTest {
    @Test
    void readsEachActionIntoItsType() {
        assertThat(Fault.parse("create:error=SERVICE_UNAVAILABLE").action())
                .isEqualTo(new FaultAction.ErrorAnswer(ErrorType.SERVICE_UNAVAILABLE));
        assertThat(Fault.parse("list:latency=2s").action()).isEqualTo(new FaultAction.Latency(Duration.ofSeconds(2)));
        assertThat(Fault.parse("get:stall").action()).isEqualTo(new FaultAction.Stall(null));
        assertThat(Fault.parse("get:stall=1m").action()).isEqualTo(new FaultAction.Stall(Duration.ofMinutes(1)));
        assertThat(Fault.parse("get:trickle=50ms").action()).isEqualTo(new FaultAction.Trickle(Duration.ofMillis(50)));
        assertThat(Fault.parse("create:drop=after").action()).isEqualTo(new FaultAction.Drop(FaultAction.Moment.AFTER));
        assertThat(Fault.parse("delete:drop=before").action()).isEqualTo(new FaultAction.Drop(FaultAction.Moment.BEFORE));
        assertThat(Fault.parse("any:body=html").action()).isEqualTo(new FaultAction.Body(FaultAction.BodyKind.HTML));
        assertThat(Fault.parse("any:body=wrong-types").action())
                .isEqualTo(new FaultAction.Body(FaultAction.BodyKind.WRONG_TYPES));
        assertThat(Fault.parse("login:status=302").action()).isEqualTo(new FaultAction.Status(302));
        assertThat(Fault.parse("admin-add:expire").action()).isEqualTo(new FaultAction.ExpireSession());
    }

    @Test
    void readsTheTriggerOptionsInAnyOrderAndCase() {
        Fault f = Fault.parse(" Create : Error=service_unavailable , times=2, P=0.25,every=3 ");
        assertThat(f.route()).isEqualTo(FaultRoute.CREATE);
        assertThat(f.trigger()).isEqualTo(new FaultTrigger(3, 0.25, 2));
        assertThat(Fault.parse("any:expire").trigger()).isEqualTo(FaultTrigger.ALWAYS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "create:error=SERVICE_UNAVAILABLE", "list:latency=2s", "list:latency=1500ms", "get:stall", "get:stall=3m",
        "get:trickle=10ms", "create:drop=after", "any:body=huge", "admin:status=503", "admin-remove:expire",
        "delete:error=ERROR,every=3,p=0.2,times=1", "version:body=empty,times=4",
    })
    void theTypedModelPrintsItsSpecBack(String spec) {
        Fault fault = Fault.parse(spec);
        assertThat(fault).hasToString(spec);
        assertThat(Fault.parse(fault.toString())).isEqualTo(fault);
    }

    @Test
    void theBuilderFormEqualsTheTextForm() {
        assertThat(Fault.on(FaultRoute.CREATE, FaultAction.dropAfter()).times(1))
                .isEqualTo(Fault.parse("create:drop=after,times=1"));
        assertThat(Fault.on(FaultRoute.LIST, FaultAction.error(ErrorType.SERVICE_UNAVAILABLE)).every(2).probability(0.5))
                .isEqualTo(Fault.parse("list:error=SERVICE_UNAVAILABLE,every=2,p=0.5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                              | empty fault",
        "create                          | has no ':'",
        "links:error=ERROR               | unknown route 'links'",
        "other:error=ERROR               | unknown route 'other'",
        "create:                         | no action",
        "create:explode                  | unknown action 'explode'",
        "create:error                    | error needs a value",
        "create:error=OOPS               | 'OOPS' is not a vAPI error type",
        "list:latency=fast               | is not a duration",
        "list:latency=0s                 | must be a positive duration",
        "list:latency=50                 | latency=50 needs a unit: 50ms, 50s or 50m, for example",
        "list:stall=9223372036854775807m | stall=9223372036854775807m is out of range (at most 60m)",
        "list:trickle=99999999999999999999ms | trickle=99999999999999999999ms is out of range (at most 60m)",
        "list:latency=61m                | latency=61m is out of range (at most 60m)",
        "create:drop=during              | give before or after",
        "any:body=xml                    | body=xml: give one of empty, text, html, truncated, wrong-types, huge",
        "any:status=99                   | is not an HTTP status",
        "any:status=abc                  | is not a whole number",
        "any:expire=now                  | expire takes no value",
        "list:error=ERROR,every=0        | every=0: give a count of 1 or more",
        "list:error=ERROR,times=0        | times=0: give a count of 1 or more",
        "list:error=ERROR,p=0            | give a probability above 0 and at most 1",
        "list:error=ERROR,p=1.5          | give a probability above 0 and at most 1",
        "list:error=ERROR,p=half         | p=half is not a number",
        "list:error=ERROR,often          | unknown option 'often'",
    })
    void refusesWhatItCannotReadWithAOneLineReason(String spec, String reason) {
        assertThatThrownBy(() -> Fault.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void classifiesEveryHlmCallInBothFlavors() {
        assertThat(FaultRoute.classify("POST", List.of("session"), null)).isEqualTo(FaultRoute.LOGIN);
        assertThat(FaultRoute.classify("POST", List.of("com", "vmware", "cis", "session"), null)).isEqualTo(FaultRoute.LOGIN);
        assertThat(FaultRoute.classify("POST", List.of("com", "vmware", "cis", "session"), "get")).isEqualTo(FaultRoute.OTHER);
        assertThat(FaultRoute.classify("DELETE", List.of("session"), null)).isEqualTo(FaultRoute.LOGOUT);
        assertThat(FaultRoute.classify("POST", List.of("hvc", "links"), null)).isEqualTo(FaultRoute.CREATE);
        assertThat(FaultRoute.classify("GET", List.of("hvc", "links"), null)).isEqualTo(FaultRoute.LIST);
        assertThat(FaultRoute.classify("GET", List.of("hvc", "links", "x"), null)).isEqualTo(FaultRoute.GET);
        assertThat(FaultRoute.classify("DELETE", List.of("hvc", "links", "x"), null)).isEqualTo(FaultRoute.DELETE);
        assertThat(FaultRoute.classify("POST", List.of("hvc", "links", "x"), "delete")).isEqualTo(FaultRoute.DELETE);
        List<String> admins = List.of("hvc", "management", "administrators");
        assertThat(FaultRoute.classify("GET", admins, null)).isEqualTo(FaultRoute.ADMIN_LIST);
        assertThat(FaultRoute.classify("PUT", admins, null)).isEqualTo(FaultRoute.ADMIN_SET);
        assertThat(FaultRoute.classify("POST", admins, "add")).isEqualTo(FaultRoute.ADMIN_ADD);
        assertThat(FaultRoute.classify("POST", admins, "remove")).isEqualTo(FaultRoute.ADMIN_REMOVE);
        assertThat(FaultRoute.classify("GET", List.of("appliance", "system", "version"), null)).isEqualTo(FaultRoute.VERSION);
        assertThat(FaultRoute.classify("GET", List.of("nothing"), null)).isEqualTo(FaultRoute.OTHER);
    }

    @Test
    void adminCoversTheFourAdminRoutesAndAnyCoversAll() {
        for (FaultRoute call : FaultRoute.values()) {
            assertThat(FaultRoute.ANY.covers(call)).isTrue();
            assertThat(FaultRoute.ADMIN.covers(call)).isEqualTo(call.specName().startsWith("admin"));
        }
        assertThat(FaultRoute.CREATE.covers(FaultRoute.LIST)).isFalse();
    }
}
