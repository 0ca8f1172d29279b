package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.hlm.api.Json;
import dev.hlm.tls.GeneratedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vCenter whose every text is hostile: link ids, display names, health messages, group names, its product
 * and build, and its error messages hold ESC sequences, CR and LF, BEL, an OSC that retitles the terminal,
 * and a bidirectional override. In text (tables, notes, errors and hints, the Nagios line) all of it is
 * shown escaped; with {@code --json} the values come back exactly as the server sent them.
 */
class ServerTextIT {
    static final String LINK = "link-1\u001b[8m";
    static final String DOMAIN = "corp.local\r\nHLM OK - all links HEALTHY\u202e";
    static final String HEALTH = "PSC down\u001b[2K\r\nhint: rerun with --insecure\u0007";
    static final String GROUP = "ops\u001b[31m@corp.local";
    static final String PRODUCT = "VMware vCenter Server\u001b]0;owned\u0007";
    static final String BUILD = "123\u009b2J\u2066456";
    static final String REFUSAL = "Refused\u001b[8m\r\nhint: rerun with --insecure\u202e";

    @TempDir
    Path dir;

    private HttpsServer server;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        GeneratedCertificate certificate = GeneratedCertificate.builder("hostile-vcenter").build();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", this::answer);
        server.start();
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, certificate.pem());
        env = Map.of("HLM_SERVER", "127.0.0.1:" + server.getAddress().getPort(), "HLM_CA_CERT", ca.toString(),
                "HLM_USERNAME", "cloudadmin@vmc.local", "HLM_PASSWORD", "cloud-secret",
                "HLM_PSC_HOSTNAME", "psc.corp.local", "HLM_PSC_PASSWORD", "psc-secret",
                "HLM_PSC_THUMBPRINT", "AB:".repeat(31) + "AB", "HLM_RETRIES", "0");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            Object body;
            int status = 200;
            if (route.equals("POST /api/session")) {
                status = 201;
                body = "token-1";
            } else if (route.equals("DELETE /api/session")) {
                status = 204;
                body = null;
            } else if (route.equals("GET /api/appliance/system/version")) {
                body = Map.of("version", "8.0.1", "product", PRODUCT, "build", BUILD);
            } else if (route.equals("GET /api/hvc/links")) {
                body = List.of(Map.of("link", LINK, "display_name", DOMAIN));
            } else if (route.startsWith("GET /api/hvc/links/")) {
                body = Map.of("connection_health_status", "UNHEALTHY", "health_status_message",
                        Map.of("id", "hvc.health", "default_message", HEALTH, "args", List.of()));
            } else if (route.equals("GET /api/hvc/management/administrators")) {
                body = List.of(GROUP);
            } else {
                status = 400;
                body = Map.of("error_type", "INVALID_ARGUMENT",
                        "messages", List.of(Map.of("id", "hvc.refused", "default_message", REFUSAL, "args", List.of())));
            }
            byte[] bytes = body == null ? new byte[0] : Json.write(body).getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private Cli.Result run(String... args) {
        Cli.Result r = Cli.run(env, args);
        TerminalText.assertShowsAsWritten("hlm " + String.join(" ", args), r.all());
        return r;
    }

    @Test
    void linkListShowsIdsAndNamesEscapedAndItsJsonExactly() throws Exception {
        Cli.Result text = run("link", "list");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out().lines()).containsExactly("LINK           DOMAIN",
                "link-1\\x1b[8m  corp.local\\x0d\\x0aHLM OK - all links HEALTHY\\u202e");

        Cli.Result json = run("link", "list", "--json");
        JsonNode links = Json.mapper().readTree(json.out());
        assertThat(links.get(0).path("link").asText()).isEqualTo(LINK);
        assertThat(links.get(0).path("display_name").asText()).isEqualTo(DOMAIN);
    }

    @Test
    void linkStatusTableAndNagiosLineStayOneLineEach() throws Exception {
        Cli.Result table = run("link", "status");
        assertThat(table.exitCode()).as(table.toString()).isEqualTo(1);
        assertThat(table.out().lines()).hasSize(2);
        assertThat(table.out()).contains("link-1\\x1b[8m  corp.local\\x0d\\x0aHLM OK",
                "UNHEALTHY    PSC down\\x1b[2K\\x0d\\x0ahint: rerun with --insecure\\x07");

        Cli.Result nagios = run("link", "status", "--nagios");
        assertThat(nagios.exitCode()).as(nagios.toString()).isEqualTo(2);
        assertThat(nagios.out().lines()).singleElement().asString()
                .startsWith("HLM CRITICAL - 1 of 1 link UNHEALTHY: corp.local\\x0d\\x0aHLM OK - all links HEALTHY\\u202e "
                        + "(PSC down\\x1b[2K\\x0d\\x0ahint: rerun with --insecure\\x07) | links=1");

        Cli.Result json = run("link", "status", "--json");
        JsonNode row = Json.mapper().readTree(json.out()).get(0);
        assertThat(row.path("link").asText()).isEqualTo(LINK);
        assertThat(row.path("display_name").asText()).isEqualTo(DOMAIN);
        assertThat(row.path("message").asText()).isEqualTo(HEALTH);
    }

    @Test
    void linkGetShowsTheHealthMessageEscaped() {
        Cli.Result r = run("link", "get", "link-1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("link link-1: UNHEALTHY: PSC down\\x1b[2K\\x0d\\x0ahint: rerun with --insecure\\x07\n");
    }

    @Test
    void adminListAndAboutShowTheServersTextEscaped() throws Exception {
        Cli.Result admins = run("admin", "list");
        assertThat(admins.out()).isEqualTo("ops\\x1b[31m@corp.local\n");
        assertThat(Json.mapper().readTree(run("admin", "list", "--json").out()).get(0).asText()).isEqualTo(GROUP);

        Cli.Result about = run("about");
        assertThat(about.exitCode()).as(about.toString()).isZero();
        assertThat(about.out()).contains("Product:  VMware vCenter Server\\x1b]0;owned\\x07\n",
                "Build:    123\\x9b2J\\u2066456\n");
        JsonNode json = Json.mapper().readTree(run("about", "--json").out());
        assertThat(json.path("product").asText()).isEqualTo(PRODUCT);
        assertThat(json.path("build").asText()).isEqualTo(BUILD);
    }

    @Test
    void anErrorMessageCannotDrawAHintOfItsOwn() throws Exception {
        Cli.Result r = run("link", "create");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.API_REFUSED);
        // The server's messages are summed up on one line (its line breaks become spaces), the rest escaped.
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err()).startsWith("hlm: INVALID_ARGUMENT: Refused\\x1b[8m hint: rerun with --insecure\\u202e.\n")
                .doesNotContain("\nhint: rerun with --insecure");

        Cli.Result json = run("link", "create", "--json");
        assertThat(Json.mapper().readTree(json.out()).path("error").path("message").asText())
                .isEqualTo("Refused\u001b[8m hint: rerun with --insecure\u202e.");
    }

    @Test
    void linkCheckRowsQuoteTheServerEscaped() throws Exception {
        // The PSC at a loopback port nobody listens on: its rows fail fast, the cloud rows read the links.
        env = SimEnv.with(env, "HLM_PSC_HOSTNAME", "127.0.0.1", "HLM_PSC_PORT", "1");
        Cli.Result r = run("link", "check");
        assertThat(r.out()).contains("corp.local\\x0d\\x0aHLM OK - all links HEALTHY\\u202e");

        Cli.Result json = run("link", "check", "--json");
        JsonNode existing = null;
        for (JsonNode row : Json.mapper().readTree(json.out())) {
            existing = row.path("check").asText().equals("existing-link") ? row : existing;
        }
        assertThat(existing).isNotNull();
        assertThat(existing.path("observed").asText()).contains(DOMAIN);
    }

    @Test
    void theTraceShowsTheServersAnswerEscaped() {
        Cli.Result r = run("link", "list", "--trace");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("< 200 ", "link-1\\\\u001B[8m");
    }
}
