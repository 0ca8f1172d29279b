package dev.hlm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hlm.api.Json;
import dev.hlm.api.Summary;
import org.junit.jupiter.api.Test;

/**
 * The structural comparison the contract suites rely on, and the proof that a field renamed on both sides
 * (one wire record shared by client and simulator) cannot pass them.
 */
class JsonShapeTest {
    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ContractFixture fixture(String file) {
        return ContractFixture.all().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
    }

    /** A copy of {@code node} with {@code from} renamed to {@code to} in every object, at any depth. */
    private static JsonNode renamed(JsonNode node, String from, String to) {
        JsonNode copy = node.deepCopy();
        rename(copy, from, to);
        return copy;
    }

    private static void rename(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object && object.has(from)) {
            object.set(to, object.remove(from));
        }
        node.forEach(child -> rename(child, from, to));
    }

    /** What a server built from a record whose field was renamed would answer: the same values, another key. */
    record RenamedSummary(String link, String domain) {}

    @Test
    void aFieldRenamedOnBothSidesFailsTheSimulatorCheck() {
        JsonNode golden = fixture("links.list/api-ok.json").body();
        // Client and simulator share the wire records: rename the record, and the simulator answers this.
        JsonNode answer = Json.mapper().valueToTree(java.util.List.of(new RenamedSummary("id-1", "vsphere.local")));
        assertThat(JsonShape.differences(golden, answer))
                .containsExactly("$[0].display_name: missing", "$[0].domain: not in the contract");
        // The record as it is passes.
        JsonNode real = Json.mapper().valueToTree(java.util.List.of(new Summary("id-1", "vsphere.local")));
        assertThat(JsonShape.differences(golden, real)).isEmpty();
    }

    @Test
    void aFieldRenamedOnBothSidesFailsTheClientCheck() throws Exception {
        JsonNode golden = fixture("links.list/rest-ok.json").result();
        // The client reads tolerantly, so the renamed record silently loses the field; writing it back shows it.
        RenamedSummary[] decoded = Json.mapper().treeToValue(golden, RenamedSummary[].class);
        assertThat(decoded[0].domain()).isNull();
        assertThat(JsonShape.differences(golden, Json.mapper().valueToTree(decoded))).contains("$[0].display_name: missing");
    }

    @Test
    void aRenamedCopyOfEveryFixtureBodyFailsAgainstTheOriginal() {
        int checked = 0;
        for (ContractFixture f : ContractFixture.all()) {
            if (f.body() == null || !f.body().isContainerNode()) {
                continue;
            }
            String key = firstKey(f.body());
            if (key == null) {
                continue; // a list of strings: no key to rename
            }
            JsonNode copy = renamed(f.body(), key, key + "_renamed");
            assertThat(JsonShape.differences(f.body(), copy)).as(f.toString())
                    .contains("$" + pathTo(f.body(), key) + ": missing");
            assertThat(JsonShape.differences(f.body(), f.body())).as(f.toString()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    /** The first object key met walking the body down its first elements; null when there is none. */
    private static String firstKey(JsonNode node) {
        if (node.isObject()) {
            return node.fieldNames().next();
        }
        return node.isArray() && !node.isEmpty() ? firstKey(node.get(0)) : null;
    }

    private static String pathTo(JsonNode node, String key) {
        return node.isObject() ? "." + key : "[0]" + pathTo(node.get(0), key);
    }

    @Test
    void placeholdersStandForAnyStringAndLiteralsForThemselves() {
        JsonNode expected = json("{\"error_type\": \"NOT_FOUND\", \"messages\": [], \"id\": \"<id>\"}");
        assertThat(JsonShape.differences(expected, json("{\"error_type\": \"NOT_FOUND\", \"messages\": [1], \"id\": \"x\"}")))
                .isEmpty();
        assertThat(JsonShape.differences(expected, json("{\"error_type\": \"NOT_FOUND\", \"messages\": [], \"id\": 7}")))
                .containsExactly("$.id: expected string \"<id>\" but was number 7");
        assertThat(JsonShape.differences(expected, json("{\"error_type\": \"ERROR\", \"messages\": [], \"id\": \"x\"}")))
                .containsExactly("$.error_type: expected \"NOT_FOUND\" but was \"ERROR\"");
    }

    @Test
    void wrappedAndBareAnswersDiffer() {
        assertThat(JsonShape.differences(json("{\"value\": \"<link>\"}"), json("\"id-1\""))).hasSize(1);
        assertThat(JsonShape.differences(json("\"<link>\""), json("{\"value\": \"id-1\"}"))).hasSize(1);
    }

    @Test
    void aOneElementArrayIsTheShapeOfEveryElementAndNeedsOne() {
        JsonNode expected = json("[{\"link\": \"<link>\"}]");
        assertThat(JsonShape.differences(expected, json("[{\"link\": \"a\"}, {\"link\": \"b\"}]"))).isEmpty();
        assertThat(JsonShape.differences(expected, json("[]"))).containsExactly("$: expected at least one element, was empty");
        assertThat(JsonShape.differences(expected, json("[{\"link\": \"a\"}, {\"id\": \"b\"}]")))
                .containsExactly("$[1].link: missing", "$[1].id: not in the contract");
    }
}
