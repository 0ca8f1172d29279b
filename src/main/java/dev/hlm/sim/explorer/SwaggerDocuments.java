package dev.hlm.sim.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hlm.api.Json;
import dev.hlm.api.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders operations as Swagger 2.0 documents, one per API package, the way a vCenter's apiexplorer lists them
 * (decision D19): {@code basePath ""} and full paths, the security schemes {@code basic_auth} (the login) and
 * {@code session_id} (the session header), and every answer with its schema and the simulator's own example.
 */
public final class SwaggerDocuments {
    static final String BASIC_AUTH = "basic_auth";
    static final String SESSION_ID = "session_id";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final Map<String, ObjectNode> documents;

    /**
     * @param release the release the documents describe, e.g. {@code 8.0.1.00000}
     * @param definitions the schemas the operations refer to ({@code #/definitions/NAME})
     */
    public SwaggerDocuments(String release, Map<String, JsonNode> definitions, List<ExplorerOperation> operations) {
        Map<String, List<ExplorerOperation>> byPackage = new TreeMap<>();
        operations.forEach(op -> byPackage.computeIfAbsent(op.apiPackage(), p -> new ArrayList<>()).add(op));
        Map<String, ObjectNode> built = new LinkedHashMap<>();
        byPackage.forEach((name, ops) -> built.put(name, document(name, release, definitions, ops)));
        this.documents = Map.copyOf(built);
    }

    /** The package names, sorted: what {@code api.json} lists. */
    public List<String> packages() {
        return documents.keySet().stream().sorted().toList();
    }

    /** {@code {"files": ["appliance.json", ...]}}: the page's "Select API" list. */
    public ObjectNode index() {
        ObjectNode index = Json.mapper().createObjectNode();
        ArrayNode files = index.putArray("files");
        packages().forEach(p -> files.add(p + ".json"));
        return index;
    }

    /** The document of one package, or null when the simulated version has no such package. */
    public ObjectNode document(String apiPackage) {
        ObjectNode document = documents.get(apiPackage);
        return document == null ? null : document.deepCopy();
    }

    private static ObjectNode document(String name, String release, Map<String, JsonNode> definitions,
            List<ExplorerOperation> operations) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("swagger", "2.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", name);
        info.put("version", release);
        info.put("description", "The " + name + " API of the hlm simulator, release " + release
                + ". Log in with the bar above (or Execute the session login), then try any operation.");
        doc.put("basePath", "");
        doc.putArray("schemes").add("https");
        doc.putArray("consumes").add("application/json");
        doc.putArray("produces").add("application/json");
        ObjectNode security = doc.putObject("securityDefinitions");
        security.putObject(BASIC_AUTH).put("type", "basic")
                .put("description", "User and password, for the session login only.");
        security.putObject(SESSION_ID).put("type", "apiKey").put("in", "header").put("name", Paths.SESSION_HEADER)
                .put("description", "The token the session login answers.");
        ArrayNode tags = doc.putArray("tags");
        operations.stream().map(ExplorerOperation::tag).distinct().forEach(t -> tags.addObject().put("name", t));
        ObjectNode paths = doc.putObject("paths");
        for (ExplorerOperation op : operations) {
            ObjectNode path = paths.has(op.pathKey()) ? (ObjectNode) paths.get(op.pathKey()) : paths.putObject(op.pathKey());
            path.set(op.method().toLowerCase(Locale.ROOT), operation(op, definitions));
        }
        ObjectNode defs = doc.putObject("definitions");
        new TreeMap<>(definitions).forEach(defs::set);
        return doc;
    }

    private static ObjectNode operation(ExplorerOperation op, Map<String, JsonNode> definitions) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.putArray("tags").add(op.tag());
        node.put("summary", op.summary());
        node.put("description", op.description());
        node.put("operationId", operationId(op));
        if (op.deprecated()) {
            node.put("deprecated", true);
        }
        if (op.auth() != ExplorerOperation.Auth.NONE) {
            String scheme = op.auth() == ExplorerOperation.Auth.BASIC ? BASIC_AUTH : SESSION_ID;
            node.putArray("security").addObject().putArray(scheme);
        } else {
            node.putArray("security");
        }
        ArrayNode parameters = node.putArray("parameters");
        Matcher variables = PATH_VARIABLE.matcher(op.path());
        while (variables.find()) {
            parameters.addObject().put("name", variables.group(1)).put("in", "path").put("required", true)
                    .put("type", "string").put("description", "Identifier of the " + variables.group(1) + ".");
        }
        if (op.request() != null) {
            ObjectNode body = parameters.addObject().put("name", "request_body").put("in", "body").put("required", true);
            body.set("schema", withExample(op.request().schema(), op.request().example(), definitions));
        }
        ObjectNode responses = node.putObject("responses");
        responses.set(Integer.toString(op.success().status()),
                answer(op.success().description(), op.success().schema(), op.success().example()));
        Map<Integer, List<ExplorerOperation.Refusal>> byStatus = new TreeMap<>();
        op.refusals().forEach(r -> byStatus.computeIfAbsent(r.status(), s -> new ArrayList<>()).add(r));
        byStatus.forEach((status, refusals) -> {
            StringBuilder text = new StringBuilder();
            for (ExplorerOperation.Refusal r : refusals) {
                text.append(text.isEmpty() ? "" : " ").append(r.errorType()).append(": ").append(r.when());
            }
            ObjectNode answer = answer(text.toString(), refusals.get(0).schema(), refusals.get(0).example());
            ArrayNode types = answer.putArray("x-error-types");
            refusals.forEach(r -> types.add(r.errorType()));
            responses.set(Integer.toString(status), answer);
        });
        return node;
    }

    private static ObjectNode answer(String description, JsonNode schema, JsonNode example) {
        ObjectNode answer = Json.mapper().createObjectNode().put("description", description);
        if (schema != null) {
            answer.set("schema", schema);
            answer.putObject("examples").set("application/json", example);
        }
        return answer;
    }

    /**
     * A body schema with the example the page pre-fills the editor with. Swagger 2.0 ignores siblings of
     * {@code $ref}, and Swagger UI fills in "{}" for an example beside an {@code allOf}: so the body carries its
     * definition itself (the fields below it keep their references), with the example.
     */
    private static JsonNode withExample(JsonNode schema, JsonNode example, Map<String, JsonNode> definitions) {
        JsonNode own = schema.has("$ref")
                ? definitions.get(schema.get("$ref").asText().substring("#/definitions/".length()))
                : schema;
        return ((ObjectNode) own.deepCopy()).set("example", example);
    }

    private static String operationId(ExplorerOperation op) {
        String id = op.method().toLowerCase(Locale.ROOT) + op.pathKey().replaceAll("[^A-Za-z0-9]+", "_");
        return id.replaceAll("_+$", "");
    }
}
