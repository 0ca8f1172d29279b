package dev.hlm.sim.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation as the apiexplorer documents it, in one flavor: where it is, who may call it, what it takes,
 * what it answers and how it refuses. Schemas are Swagger 2.0 schema objects (usually a {@code $ref} to a
 * definition); examples are the simulator's own answers.
 *
 * @param path the full path, {@code /api/hvc/links/{link}}
 * @param query the selector query the operation is keyed by, {@code action=delete} or {@code ~action=get}, or
 *     null; the document's path key then carries it ({@code /api/hvc/links/{link}?action=delete}), as the
 *     official hvc document does, since several operations share a method and a path
 * @param tag the group the page shows it under, e.g. {@code hvc/links}
 * @param deprecated true for the {@code /rest} flavor on a version that also has {@code /api}
 * @param request the body, or null for none
 */
public record ExplorerOperation(
        String method,
        String path,
        String query,
        String tag,
        String summary,
        String description,
        boolean deprecated,
        Auth auth,
        Body request,
        Answer success,
        List<Refusal> refusals) {

    /** How a caller proves who it is. */
    public enum Auth {
        /** Nothing: the version endpoint. */
        NONE,
        /** HTTP Basic with user and password: the login. */
        BASIC,
        /** The token of a login in the {@code vmware-api-session-id} header. */
        SESSION
    }

    /** @param example a body the simulator accepts */
    public record Body(JsonNode schema, JsonNode example) {}

    /** @param schema null when the answer has no body (then so is the example) */
    public record Answer(int status, String description, JsonNode schema, JsonNode example) {}

    /**
     * An error the operation answers with.
     *
     * @param when what the caller did to get it
     * @param example the simulator's answer
     */
    public record Refusal(int status, String errorType, String when, JsonNode schema, JsonNode example) {}

    /** The key of this operation in the document's {@code paths}: the path, and its selector query if any. */
    public String pathKey() {
        return query == null ? path : path + "?" + query;
    }

    /** The API package the operation belongs to: {@code hvc}, {@code appliance}, {@code session}, {@code cis}. */
    public String apiPackage() {
        String[] segments = path.split("/");
        // /api/hvc/... -> hvc; /rest/com/vmware/cis/session -> cis
        return segments.length > 4 && segments[2].equals("com") && segments[3].equals("vmware")
                ? segments[4]
                : segments[2];
    }
}
