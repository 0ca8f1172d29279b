package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} on the commands that change something, for scripts: the state after the change (or what
 * was done), and with {@code --dry-run} the requests held back, as records. Nothing else reaches stdout.
 */
@WithSimulator
class ChangeJsonIT {
    @TempDir
    Path dir;

    /** The whole of stdout as one JSON value: anything printed before or after it fails the parse. */
    private static JsonNode json(Cli.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return strict(r.out());
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as(array.toString()).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Under --json a failure reaches stdout as a record too; stderr keeps its line and hint. */
    @Test
    void failuresUnderJsonArePrintedAsRecords(Simulator sim) throws Exception {
        Map<String, String> env = SimEnv.of(sim, dir);
        Cli.Result notFound = Cli.run(env, "link", "get", "nope", "--json");
        assertThat(notFound.exitCode()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(notFound.err()).startsWith("hlm: NOT_FOUND: ");
        JsonNode error = strict(notFound.out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.get("message").asText()).contains("nope");
        assertThat(error.get("hint").asText()).contains("hlm link list");
        assertThat(error.get("exit_code").asInt()).isEqualTo(ExitCodes.API_REFUSED);

        Cli.Result refused = Cli.run(SimEnv.with(env, "HLM_PASSWORD", "wrong"), "link", "status", "--json");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(strict(refused.out()).at("/error/type").asText()).isEqualTo("UNAUTHENTICATED");

        Cli.Result usage = Cli.run(env, "admin", "list", "--json", "--bogus");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(strict(usage.out()).at("/error/exit_code").asInt()).isEqualTo(ExitCodes.USAGE);

        Cli.Result text = Cli.run(env, "link", "get", "nope");
        assertThat(text.out()).as("without --json, stdout stays empty").isEmpty();
    }

    private static JsonNode strict(String out) throws Exception {
        return Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(out);
    }

    @Test
    void adminChangesPrintTheGroupsAfterwards(Simulator sim) throws Exception {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(texts(json(Cli.run(env, "admin", "add", "b@corp.local", "a@corp.local", "--json"))))
                .containsExactly("a@corp.local", "b@corp.local");
        assertThat(texts(json(Cli.run(env, "admin", "remove", "a@corp.local", "--json", "--yes"))))
                .containsExactly("b@corp.local");

        JsonNode set = json(Cli.run(env, "admin", "set", "c@corp.local", "b@corp.local", "--json", "--yes"));
        assertThat(texts(set.get("administrators"))).containsExactly("b@corp.local", "c@corp.local");
        assertThat(texts(set.get("added"))).containsExactly("c@corp.local");
        assertThat(texts(set.get("removed"))).isEmpty();
        assertThat(sim.administrators()).isEqualTo(Set.of("b@corp.local", "c@corp.local"));
    }

    @Test
    void adminDryRunsPrintThePlannedRequests(Simulator sim) throws Exception {
        Map<String, String> env = SimEnv.of(sim, dir);
        JsonNode add = json(Cli.run(env, "admin", "add", "a@corp.local", "--dry-run", "--json"));
        assertThat(add).hasSize(1);
        assertThat(add.get(0).get("operation").asText()).isEqualTo("add administrator");
        assertThat(add.get(0).get("path").asText()).isEqualTo("/api/hvc/management/administrators?action=add");
        assertThat(add.get(0).get("body").toString()).contains("a@corp.local");

        JsonNode set = json(Cli.run(env, "admin", "set", "x@corp.local", "--dry-run", "--json"));
        assertThat(set).hasSize(1);
        assertThat(set.get(0).get("method").asText()).isEqualTo("PUT");
        assertThat(sim.administrators()).isEmpty();
    }

    @Test
    void linkCreateSaysHowItCameToTheLink() throws Exception {
        try (Simulator sim = Simulator.builder().build()) {
            Map<String, String> env = SimEnv.of(sim, dir);
            JsonNode created = json(Cli.run(env, "link", "create", "--json"));
            assertThat(created.get("outcome").asText()).isEqualTo("created");
            assertThat(created.get("link").asText()).isEqualTo(sim.links().get(0).link());
            assertThat(created.get("display_name").asText()).isEqualTo("vsphere.local");

            JsonNode again = json(Cli.run(env, "link", "create", "--json", "--admin-group", "ops@corp.local"));
            assertThat(again.get("outcome").asText()).isEqualTo("already_linked");
            assertThat(again.get("link").asText()).isEqualTo(created.get("link").asText());
            assertThat(texts(again.get("administrators_added"))).containsExactly("ops@corp.local");
        }
        try (Simulator sim = Simulator.builder().fault(dev.hlm.sim.fault.Fault.parse("create:drop=after")).build()) {
            JsonNode found = json(Cli.run(SimEnv.of(sim, dir), "link", "create", "--json"));
            assertThat(found.get("outcome").asText()).isEqualTo("found_after_lost_answer");
            assertThat(found.get("link").asText()).isEqualTo(sim.links().get(0).link());
        }
    }

    @Test
    void linkDeletePrintsWhatItDid(Simulator sim) throws Exception {
        Map<String, String> env = SimEnv.of(sim, dir);
        assertThat(Cli.run(env, "link", "create").exitCode()).isZero();
        String id = sim.links().get(0).link();

        JsonNode planned = json(Cli.run(env, "link", "delete", id, "--dry-run", "--json"));
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).get("path").asText()).isEqualTo("/api/hvc/links/" + id + "?action=delete");
        assertThat(planned.get(0).get("body").toString()).contains("\"password\":\"***\"");
        assertThat(sim.links()).hasSize(1);

        JsonNode deleted = json(Cli.run(env, "link", "delete", id, "--json", "--yes"));
        assertThat(deleted.get("link").asText()).isEqualTo(id);
        assertThat(deleted.get("unlinked").asBoolean()).isTrue();
        assertThat(deleted.get("method").asText()).isEqualTo("DELETE_WITH_CREDENTIALS");
        assertThat(sim.links()).isEmpty();

        JsonNode gone = json(Cli.run(env, "link", "delete", id, "--if-exists", "--json"));
        assertThat(gone.get("unlinked").asBoolean()).isFalse();
        assertThat(gone.has("method")).as("nothing was sent").isFalse();
    }
}
