package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.contract.ContractFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The apiexplorer's documents are checked, not trusted (decision D19): every route a simulator serves is
 * documented and every documented operation is served, on every version and role; and every golden fixture of
 * {@code src/test/resources/contract} fits the document of its version: its request body the operation's
 * body schema, its answer one of the operation's documented answers (status, schema, error type).
 */
class ExplorerCoverageIT {
    /** One simulator per version, shared by the fixture tests (they only read documents). */
    private static final Map<ApiVersion, Simulator> SIMULATORS = new HashMap<>();

    @AfterAll
    static void closeSimulators() {
        SIMULATORS.values().forEach(Simulator::close);
    }

    private static synchronized ExplorerDocuments documentsOf(ApiVersion version) {
        return ExplorerDocuments.of(SIMULATORS.computeIfAbsent(version,
                v -> Simulator.builder().apiVersion(v).build()));
    }

    /**
     * The routes come from the simulator's router itself, so a route added there without its description in
     * {@code ExplorerCatalog} fails here. Only the router's routes are the vCenter API: {@code /sim/}, the
     * explorer's own files and a vAPI JSON-RPC endpoint on {@code POST /api} (one address for every operation,
     * not a REST route) are served beside it and are not in the router.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ApiVersion.class)
    void everyRouteServedIsDocumentedAndEveryDocumentedOperationServed(ApiVersion version) {
        for (Role role : Role.values()) {
            try (Simulator sim = Simulator.builder().apiVersion(version).role(role).build()) {
                List<ExplorerDocuments.Key> served = sim.routes().stream()
                        .map(r -> new ExplorerDocuments.Key(r.method(), r.path(), r.action())).toList();
                List<ExplorerDocuments.Key> documented = ExplorerDocuments.of(sim).keys();
                assertThat(documented).as(version + " " + role + ": documented operations")
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(served);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFixtureFitsTheDocumentOfItsVersion() {
        return ContractFixture.all().stream()
                // The documents describe the REST flavors; JSON-RPC fixtures speak another protocol.
                .filter(f -> f.flavor().equals("api") || f.flavor().equals("rest"))
                .map(f -> DynamicTest.dynamicTest(f.file(), () -> check(f)));
    }

    private static void check(ContractFixture fixture) {
        ExplorerDocuments documents = documentsOf(ApiVersion.parse(fixture.version()));
        var operation = documents.find(fixture.request().method(), fixture.request().path());
        if (fixture.outcome().equals(ContractFixture.ROUTE_NOT_FOUND)) {
            assertThat(operation).as("the version lacks this route, so its explorer must not offer it").isEmpty();
            return;
        }
        assertThat(operation).as("documented: %s %s", fixture.request().method(), fixture.request().path())
                .isPresent();
        ExplorerDocuments.Operation op = operation.orElseThrow();

        JsonNode requestBody = fixture.request().body();
        if (requestBody == null || requestBody.isNull()) {
            assertThat(op.requestSchema()).as("a body the fixture does not send").isEmpty();
        } else {
            JsonNode schema = op.requestSchema().orElseThrow(() -> new AssertionError("no body documented"));
            List<String> problems = ExplorerDocuments.problems(requestBody, schema, op.document());
            if (fixture.outcome().equals("INVALID_ARGUMENT")) {
                // Its body leaves out a required field on purpose; every field it does send must be documented.
                problems = problems.stream().filter(p -> !p.matches(".*: required \\w+ is missing")).toList();
            }
            assertThat(problems).as("request body").isEmpty();
        }

        JsonNode answer = op.response(fixture.status()).orElseThrow(() -> new AssertionError(
                "status " + fixture.status() + " is not documented; documented: " + op.node().path("responses")));
        if (fixture.body() == null || fixture.body().isNull()) {
            assertThat(answer.has("schema")).as("documents a body the answer does not have").isFalse();
        } else {
            assertThat(answer.has("schema")).as("documents no body").isTrue();
            assertThat(ExplorerDocuments.problems(fixture.body(), answer.get("schema"), op.document()))
                    .as("answer body").isEmpty();
        }
        if (!fixture.outcome().equals(ContractFixture.OK)) {
            List<String> types = new java.util.ArrayList<>();
            answer.path("x-error-types").forEach(t -> types.add(t.asText()));
            assertThat(types).as("error types documented with " + fixture.status()).contains(fixture.outcome());
        }
    }
}
