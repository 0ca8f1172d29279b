package dev.hlm.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One golden fixture of {@code src/test/resources/contract} (see the README there): a request, the server
 * it is sent to, and the answer the contract gives for it.
 *
 * @param body the answer's body, or null when the contract says there is none
 */
public record ContractFixture(
        String file,
        String operation,
        String outcome,
        String source,
        String version,
        String role,
        String flavor,
        List<String> given,
        Request request,
        int status,
        JsonNode body) {

    /** @param body null when the request has none */
    public record Request(String method, String path, String auth, JsonNode body) {}

    public static final String OK = "OK";
    public static final String ROUTE_NOT_FOUND = "ROUTE_NOT_FOUND";

    /** Every fixture, in file order. */
    public static List<ContractFixture> all() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            List<ContractFixture> all = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                all.add(read(root.relativize(file).toString(), Json.mapper().readTree(file.toFile())));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixtures' directory, as the test class path holds it. */
    public static Path root() {
        try {
            return Path.of(ContractFixture.class.getResource("/contract").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one fixture; fails with the file's name when a required envelope field is absent. */
    public static ContractFixture read(String file, JsonNode json) {
        JsonNode request = required(file, json, "request");
        List<String> given = new ArrayList<>();
        json.path("given").forEach(g -> given.add(g.asText()));
        return new ContractFixture(file,
                required(file, json, "operation").asText(),
                required(file, json, "outcome").asText(),
                json.path("source").asText(""),
                required(file, json, "version").asText(),
                json.path("role").asText("cloud-vcenter"),
                required(file, json, "flavor").asText(),
                List.copyOf(given),
                new Request(required(file, request, "method").asText(), required(file, request, "path").asText(),
                        required(file, request, "auth").asText(), orNull(request.get("body"))),
                required(file, json, "status").asInt(),
                orNull(required(file, json, "body")));
    }

    private static JsonNode required(String file, JsonNode parent, String field) {
        if (!parent.has(field)) {
            throw new IllegalArgumentException(file + ": the fixture has no \"" + field + "\"");
        }
        return parent.get(field);
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    public boolean isRest() {
        return flavor.equals("rest");
    }

    /** A vAPI JSON-RPC exchange on {@code POST /api} (decision D17), as the official SDKs send it. */
    public boolean isJsonRpc() {
        return flavor.equals(JSON_RPC);
    }

    public static final String JSON_RPC = "jsonrpc";

    /** The fixtures of the REST flavors, the ones the client speaks. */
    public static List<ContractFixture> rest() {
        return all().stream().filter(f -> !f.isJsonRpc()).toList();
    }

    public boolean isOk() {
        return outcome.equals(OK);
    }

    public boolean isRouteNotFound() {
        return outcome.equals(ROUTE_NOT_FOUND);
    }

    /**
     * The error type an error answer names: {@code error_type} in {@code /api}, {@code type} in {@code /rest}, the
     * error value's name in JSON-RPC.
     */
    public ErrorType errorType() {
        if (body == null) {
            return null;
        }
        if (isJsonRpc()) {
            JsonNode error = body.path("result").path("error").path("ERROR");
            return error.isObject() && error.size() == 1
                    ? ErrorType.fromRestType(error.fieldNames().next()) : null;
        }
        if (body.has("error_type")) {
            return ErrorType.fromName(body.get("error_type").asText());
        }
        return body.has("type") ? ErrorType.fromRestType(body.get("type").asText()) : null;
    }

    /** The result inside a success answer: the bare body in {@code /api}, its {@code value} in {@code /rest}. */
    public JsonNode result() {
        return body == null || !isRest() ? body : body.get("value");
    }

    /** A copy of a request body with every placeholder named in {@code values} filled in. */
    public static JsonNode fill(JsonNode node, Map<String, String> values) {
        if (node == null) {
            return null;
        }
        if (JsonShape.isPlaceholder(node)) {
            String name = node.asText().substring(1, node.asText().length() - 1);
            return values.containsKey(name) ? TextNode.valueOf(values.get(name)) : node;
        }
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            ObjectNode object = (ObjectNode) copy;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                object.set(key, fill(node.get(key), values));
            }
        } else if (copy.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) copy;
            for (int i = 0; i < node.size(); i++) {
                array.set(i, fill(node.get(i), values));
            }
        }
        return copy;
    }

    /** The request path with placeholders filled in, each value percent-encoded as a path segment. */
    public String path(Map<String, String> values) {
        String path = request.path();
        for (Map.Entry<String, String> e : values.entrySet()) {
            path = path.replace("<" + e.getKey() + ">",
                    URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    /** Parameterized tests show the file. */
    @Override
    public String toString() {
        return file;
    }
}
