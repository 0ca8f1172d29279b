package dev.hlm.sim.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hlm.api.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The apiexplorer of the simulated vCenter, at {@value #ROOT} on its own port, without a session, as on a
 * vCenter: the page, Swagger UI's files, {@code json/api.json} and one document per package (decision D19).
 *
 * <p>It answers only GET and HEAD, and only for the exact names it knows. A path that is not plain (a
 * percent sign, {@code ..}, a backslash or an empty segment) is refused before any lookup, so neither
 * encoded dots nor other tricks reach a file outside the explorer's own.
 */
public final class Explorer implements HttpHandler {
    /** The context the explorer is served under. */
    public static final String ROOT = "/apiexplorer";
    private static final String JSON = ROOT + "/json/";
    private static final String SWAGGER_UI = ROOT + "/swagger-ui/";
    /**
     * The page loads only from this server: no CDN, no inline script; Swagger UI sets inline styles and
     * shows data: images.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private final SwaggerDocuments documents;
    private final ExplorerFiles files = new ExplorerFiles();

    public Explorer(SwaggerDocuments documents) {
        this.documents = documents;
    }

    /** The version of the Swagger UI webjar served, e.g. {@code 5.35.0}. */
    public static String swaggerUiVersion() {
        return ExplorerFiles.swaggerUiVersion();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, text("Only GET and HEAD are served here."));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals(ROOT)) {
                exchange.getResponseHeaders().set("Location", ROOT + "/");
                send(exchange, 301, text("See " + ROOT + "/"));
                return;
            }
            send(exchange, 200, find(path).orElse(null));
        }
    }

    private Optional<ExplorerFiles.File> find(String path) {
        if (!plain(path)) {
            return Optional.empty();
        }
        if (path.equals(ROOT + "/")) {
            return files.own("index.html");
        }
        if (path.startsWith(SWAGGER_UI)) {
            return files.swaggerUi(path.substring(SWAGGER_UI.length()));
        }
        if (path.startsWith(JSON) && path.endsWith(".json")) {
            String name = path.substring(JSON.length(), path.length() - ".json".length());
            JsonNode json = name.equals("api") ? documents.index() : documents.document(name);
            return Optional.ofNullable(json).map(Explorer::json);
        }
        return files.own(path.substring(ROOT.length() + 1));
    }

    /** Below the root, slash-separated plain names only: nothing to decode, no way up, nothing empty. */
    private static boolean plain(String path) {
        return path.startsWith(ROOT + "/") && path.matches("[A-Za-z0-9/._-]*")
                && !path.contains("..") && !path.contains("//");
    }

    private static ExplorerFiles.File json(JsonNode node) {
        return new ExplorerFiles.File(Json.writePretty(node).getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    private static ExplorerFiles.File text(String message) {
        return new ExplorerFiles.File((message + "\n").getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /** Sends a file; null is the explorer's 404. */
    private static void send(HttpExchange exchange, int status, ExplorerFiles.File file) throws IOException {
        ExplorerFiles.File body = file != null ? file : text("Not found.");
        int code = file != null ? status : 404;
        exchange.getResponseHeaders().set("Content-Type", body.contentType());
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(code, head ? -1 : body.bytes().length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.bytes());
            }
        }
    }
}
