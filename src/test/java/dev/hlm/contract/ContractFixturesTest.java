package dev.hlm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.ErrorType;
import dev.hlm.sim.vapi.VapiServices;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hand-written fixtures themselves: each one consistent (its status is its outcome's, its paths are its
 * flavor's), and together they cover every operation in both flavors with each documented outcome.
 */
class ContractFixturesTest {
    private static final List<ContractFixture> ALL = ContractFixture.all();

    @Test
    void everyFixtureIsConsistent() {
        for (ContractFixture f : ALL) {
            if (f.isJsonRpc()) {
                assertJsonRpcConsistent(f);
                continue;
            }
            assertThat(f.file()).as(f.toString()).startsWith(f.operation() + "/").contains(f.flavor() + "-");
            assertThat(f.request().path()).as(f.toString()).startsWith(f.isRest() ? "/rest/" : "/api/");
            if (f.isOk()) {
                assertThat(f.status()).as(f + ": B.2 success codes").isEqualTo(successStatus(f));
            } else if (f.isRouteNotFound()) {
                assertThat(f.status()).as(f.toString()).isEqualTo(404);
                assertThat(f.body().has(f.isRest() ? "majorErrorCode" : "error_type")).as(f + ": D13 shape").isTrue();
            } else {
                ErrorType type = ErrorType.valueOf(f.outcome());
                assertThat(f.errorType()).as(f + ": the body names the outcome").isEqualTo(type);
                assertThat(f.status()).as(f + ": the type's status (B.4.1)").isEqualTo(type.httpStatus());
                assertThat(f.body().has(f.isRest() ? "value" : "messages")).as(f + ": wrapped in /rest").isTrue();
            }
        }
    }

    /** D17: every JSON-RPC exchange is POST /api, answered 200, with the request's id, a result or an envelope error. */
    private static void assertJsonRpcConsistent(ContractFixture f) {
        assertThat(f.file()).as(f.toString()).startsWith(f.operation() + "/").contains("jsonrpc-");
        assertThat(f.request().method() + " " + f.request().path()).as(f.toString()).isEqualTo("POST /api");
        assertThat(f.status()).as(f + ": JSON-RPC answers are HTTP 200").isEqualTo(200);
        assertThat(f.body().path("jsonrpc").asText()).as(f.toString()).isEqualTo("2.0");
        assertThat(f.body().get("id")).as(f + ": the request's id").isEqualTo(f.request().body().get("id"));
        JsonNode params = f.request().body().path("params");
        if (!f.outcome().equals("OPERATION_NOT_FOUND")) {
            assertThat(VapiServices.find(params.path("serviceId").asText(), params.path("operationId").asText()))
                    .as(f + ": an operation the simulator maps").isPresent();
        }
        if (f.isOk()) {
            assertThat(f.body().path("result").has("output")).as(f + ": a success has output").isTrue();
        } else {
            assertThat(f.errorType()).as(f + ": the error value names the outcome").isEqualTo(ErrorType.valueOf(f.outcome()));
        }
    }

    /** B.2: {@code /rest} answers 200 for everything; {@code /api} 201 for create and login, 204 for void, else 200. */
    private static int successStatus(ContractFixture f) {
        if (f.isRest()) {
            return 200;
        }
        if (f.operation().equals("links.create") || f.operation().equals("session.login")) {
            return 201;
        }
        return f.body() == null ? 204 : 200;
    }

    @Test
    void everyOperationHasItsDocumentedOutcomes() {
        Set<String> present = ALL.stream().map(f -> f.operation() + " " + f.flavor() + " " + f.outcome())
                .collect(Collectors.toSet());
        List<String> required = List.of(
                "session.login api OK", "session.login rest OK",
                "session.login api UNAUTHENTICATED", "session.login rest UNAUTHENTICATED",
                "session.logout api OK", "session.logout rest OK",
                "links.create api OK", "links.create rest OK",
                "links.create api ALREADY_EXISTS", "links.create rest ALREADY_EXISTS",
                "links.create api INVALID_ARGUMENT", "links.create rest INVALID_ARGUMENT",
                "links.create api UNVERIFIED_PEER", "links.create rest UNVERIFIED_PEER", "links.create rest INVALID_REQUEST",
                "links.create api UNAUTHORIZED", "links.create rest UNAUTHORIZED",
                "links.create api UNAUTHENTICATED", "links.create rest UNAUTHENTICATED",
                "links.create api ERROR", "links.create rest ERROR",
                "links.list api OK", "links.list rest OK",
                "links.get api OK", "links.get rest OK", "links.get api NOT_FOUND", "links.get rest NOT_FOUND",
                "links.get api ROUTE_NOT_FOUND", "links.get rest ROUTE_NOT_FOUND",
                "links.delete api OK", "links.delete rest OK", "links.delete api NOT_FOUND", "links.delete rest NOT_FOUND",
                "links.delete api UNAUTHORIZED", "links.delete rest UNAUTHORIZED",
                "links.delete_with_credentials api OK", "links.delete_with_credentials api NOT_FOUND",
                "links.delete_with_credentials api UNAUTHORIZED", "links.delete_with_credentials api ROUTE_NOT_FOUND",
                "links.delete_with_credentials rest ROUTE_NOT_FOUND",
                "administrators.get api OK", "administrators.get rest OK",
                "administrators.set api OK", "administrators.set rest OK",
                "administrators.set api UNAUTHORIZED", "administrators.set rest UNAUTHORIZED",
                "administrators.add api OK", "administrators.add rest OK",
                "administrators.add api INVALID_ARGUMENT", "administrators.add rest INVALID_ARGUMENT",
                "administrators.remove api OK", "administrators.remove rest OK",
                "system.version api OK", "system.version rest OK", "system.version api ROUTE_NOT_FOUND",
                "route.unknown api ROUTE_NOT_FOUND", "route.unknown rest ROUTE_NOT_FOUND",
                "links.sync.reset api OK", "links.sync.reset rest OK", "links.sync.reset api NOT_FOUND",
                "links.sync.providers.list api OK", "links.sync.providers.list rest OK",
                "links.sync.providers.list api ROUTE_NOT_FOUND", "links.sync.providers.list rest ROUTE_NOT_FOUND",
                "links.sync.providers.get api OK", "links.sync.providers.get rest OK", "links.sync.providers.get api NOT_FOUND",
                "links.sync.providers.start api OK", "links.sync.providers.start rest OK",
                "links.sync.providers.start api RESOURCE_BUSY", "links.sync.providers.start rest RESOURCE_BUSY",
                "links.list api ROUTE_NOT_FOUND", "links.list rest ROUTE_NOT_FOUND", "links.list jsonrpc OPERATION_NOT_FOUND",
                "session.login jsonrpc OK", "session.login jsonrpc UNAUTHENTICATED", "session.get jsonrpc OK",
                "session.logout jsonrpc OK",
                "links.create jsonrpc OK", "links.create jsonrpc UNVERIFIED_PEER", "links.create jsonrpc ALREADY_EXISTS",
                "links.list jsonrpc OK", "links.get jsonrpc OK", "links.get jsonrpc NOT_FOUND",
                "links.get jsonrpc OPERATION_NOT_FOUND", "links.delete_with_credentials jsonrpc OK",
                "administrators.get jsonrpc OK", "administrators.add jsonrpc OK", "administrators.remove jsonrpc OK",
                "administrators.set jsonrpc OK");
        assertThat(present).containsAll(required);
    }

    @Test
    void everyVersionAndTheGatewayHaveFixturesOfTheirOwn() {
        assertThat(ALL).extracting(ContractFixture::version).contains("6.7", "7.0.2", "8.0.1", "9.0", "9.1");
        assertThat(ALL).extracting(ContractFixture::role).contains("cloud-vcenter", "gateway");
    }
}
