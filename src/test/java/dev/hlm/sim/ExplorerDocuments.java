package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apiexplorer's documents of one simulator, read over HTTPS as the page reads them ({@code json/api.json},
 * then each package), with what the explorer tests ask of them: which operations they document, and whether a
 * JSON value fits one of their schemas.
 */
final class ExplorerDocuments {
    /**
     * One documented operation: method, full path template and the selector query's value ({@code action=delete},
     * {@code ~action=get}), or null.
     */
    record Key(String method, String path, String action) {
        /** Whether a concrete path ({@code /api/hvc/links/<link>?action=delete}) is this operation's. */
        boolean matches(String method, String concrete) {
            String[] pathAndQuery = concrete.split("\\?", 2);
            String concreteAction = pathAndQuery.length > 1 ? actionOf(pathAndQuery[1]) : null;
            String[] want = path.split("/", -1);
            String[] have = pathAndQuery[0].split("/", -1);
            if (!this.method.equals(method) || want.length != have.length
                    || !java.util.Objects.equals(action, concreteAction)) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (!want[i].startsWith("{") && !want[i].equals(have[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One operation of one document, with the document its {@code $ref}s resolve in. */
    record Operation(Key key, JsonNode node, JsonNode document) {
        /** The schema of the body parameter, or empty when the operation takes none. */
        Optional<JsonNode> requestSchema() {
            for (JsonNode parameter : node.path("parameters")) {
                if (parameter.path("in").asText().equals("body")) {
                    return Optional.of(parameter.get("schema"));
                }
            }
            return Optional.empty();
        }

        /** The documented answer with this status, or empty. */
        Optional<JsonNode> response(int status) {
            return Optional.ofNullable(node.path("responses").get(Integer.toString(status)));
        }
    }

    private final Map<String, JsonNode> byPackage;

    private ExplorerDocuments(Map<String, JsonNode> byPackage) {
        this.byPackage = byPackage;
    }

    /** Reads {@code api.json} and every document it lists, checking each answers 200. */
    static ExplorerDocuments of(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        SimHttp.Reply index = http.get("/apiexplorer/json/api.json");
        assertThat(index.status()).isEqualTo(200);
        Map<String, JsonNode> documents = new java.util.TreeMap<>();
        for (JsonNode file : index.json().path("files")) {
            SimHttp.Reply document = http.get("/apiexplorer/json/" + file.asText());
            assertThat(document.status()).as(file.asText()).isEqualTo(200);
            documents.put(file.asText().replaceFirst("\\.json$", ""), document.json());
        }
        return new ExplorerDocuments(documents);
    }

    /** The packages {@code api.json} lists, sorted. */
    List<String> packages() {
        return List.copyOf(byPackage.keySet());
    }

    JsonNode document(String apiPackage) {
        return byPackage.get(apiPackage);
    }

    List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        byPackage.values().forEach(document -> document.path("paths").fields().forEachRemaining(path -> {
            String[] pathAndQuery = path.getKey().split("\\?", 2);
            String action = pathAndQuery.length > 1 ? actionOf(pathAndQuery[1]) : null;
            path.getValue().fields().forEachRemaining(method -> all.add(new Operation(
                    new Key(method.getKey().toUpperCase(java.util.Locale.ROOT), pathAndQuery[0], action),
                    method.getValue(), document)));
        }));
        return all;
    }

    List<Key> keys() {
        return operations().stream().map(Operation::key).toList();
    }

    /** The operation a request with this method and concrete path calls, if documented. */
    Optional<Operation> find(String method, String concretePath) {
        return operations().stream().filter(op -> op.key().matches(method, concretePath)).findFirst();
    }

    /** {@code action=delete} and {@code ~action=get} both select by action: the value. */
    private static String actionOf(String query) {
        return query.replaceFirst("^~?action=", "");
    }

    // --- a Swagger 2.0 schema check: the parts of JSON Schema the documents use --------------------------

    /**
     * What is wrong with {@code value} against {@code schema} (resolved in {@code document}); empty when it fits.
     * Strict where drift matters: an object may carry only the properties its schema names (when it names
     * any), and must carry the required ones.
     */
    static List<String> problems(JsonNode value, JsonNode schema, JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(value, schema, document, "$", problems);
        return problems;
    }

    private static void check(JsonNode value, JsonNode schema, JsonNode document, String where, List<String> out) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceFirst("^#/definitions/", "");
            JsonNode definition = document.path("definitions").get(name);
            if (definition == null) {
                out.add(where + ": no definition " + name);
            } else {
                check(value, definition, document, where, out);
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, document, where, out);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                out.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, document, where, out);
            case "array" -> {
                if (!value.isArray()) {
                    out.add(where + ": not an array: " + value);
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), schema.path("items"), document, where + "[" + i + "]", out);
                    }
                }
            }
            case "string" -> expect(value.isTextual(), where, "a string", value, out);
            case "integer" -> expect(value.isIntegralNumber(), where, "an integer", value, out);
            case "number" -> expect(value.isNumber(), where, "a number", value, out);
            case "boolean" -> expect(value.isBoolean(), where, "a boolean", value, out);
            case "" -> { }
            default -> out.add(where + ": unknown schema type " + type);
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, JsonNode document, String where,
            List<String> out) {
        if (!value.isObject()) {
            out.add(where + ": not an object: " + value);
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(where + ": required " + required.asText() + " is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = properties.get(field.getKey());
            if (property != null) {
                check(field.getValue(), property, document, where + "." + field.getKey(), out);
            } else if (properties.size() > 0) {
                out.add(where + ": " + field.getKey() + " is not documented");
            }
        }
    }

    private static void expect(boolean ok, String where, String what, JsonNode value, List<String> out) {
        if (!ok) {
            out.add(where + ": not " + what + ": " + value);
        }
    }
}
