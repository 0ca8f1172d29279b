package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.GeneratedCertificate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --trace} of a whole create, list, delete run shows every exchange and no secret. */
@WithSimulator
class TraceIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "--api-flavor {0}")
    @ValueSource(strings = {"api", "rest"})
    void aFullRunsTraceHoldsNoPasswordTokenOrCookie(String flavor, Simulator sim) {
        Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_API_FLAVOR", flavor);
        StringBuilder trace = new StringBuilder();

        Cli.Result created = Cli.run(env, "link", "create", "--admin-group", "ops@corp.local", "--trace");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        trace.append(created.err());
        String id = sim.links().get(0).link();
        Cli.Result listed = Cli.run(env, "link", "list", "--trace");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        trace.append(listed.err());
        // With the PSC password: over /api the unlink sends the on-prem credentials in its body.
        Cli.Result deleted = Cli.run(env, "link", "delete", id, "--trace", "--yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        trace.append(deleted.err());

        String text = trace.toString();
        String prefix = "/" + flavor + "/";
        assertThat(text).contains("> POST https://127.0.0.1:" + sim.cloudPort() + prefix, "< 20", "***",
                "\"psc_hostname\"", "\"domain_name\"");
        assertThat(text).doesNotContain(secrets(sim));
        if (flavor.equals("rest")) {
            assertThat(text).containsPattern("(?im)^< set-cookie: \\*\\*\\*$");
        } else {
            assertThat(text).contains("?action=delete");
        }
    }

    @org.junit.jupiter.api.Test
    void linkChecksTraceShowsItsOwnExchangesWithThePscToo(Simulator sim) {
        Cli.Result r = Cli.run(SimEnv.of(sim, dir), "link", "check", "--trace");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String psc = "https://127.0.0.1:" + sim.pscPort();
        assertThat(r.err()).contains("> POST " + psc + "/api/session", "> GET " + psc + "/api/session",
                "> DELETE " + psc + "/api/session", "> POST https://127.0.0.1:" + sim.cloudPort() + "/api/session");
        assertThat(sim.pscRequests()).as("hlm's own PSC requests").isNotEmpty();
        assertThat(r.err()).doesNotContain(secrets(sim));
        for (RecordedRequest request : sim.pscRequests()) {
            request.header("vmware-api-session-id").ifPresent(token -> assertThat(r.err()).doesNotContain(token));
            request.header("authorization").ifPresent(basic -> assertThat(r.err()).doesNotContain(basic));
        }
    }

    /**
     * A server whose login answers a token that is a JSON number (bare over /api, {"value": N} over /rest):
     * the client takes it as the token, and the trace masks it like any other.
     */
    @ParameterizedTest(name = "--api-flavor {0}")
    @ValueSource(strings = {"api", "rest"})
    void aLoginTokenThatIsAJsonNumberIsMaskedToo(String flavor) throws Exception {
        String token = "987654321012";
        GeneratedCertificate certificate = GeneratedCertificate.builder("numeric-token").build();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        List<String> sessionHeaders = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                String header = exchange.getRequestHeaders().getFirst("vmware-api-session-id");
                if (header != null) {
                    sessionHeaders.add(header);
                }
                String body;
                int status;
                if (exchange.getRequestMethod().equals("POST") && path.endsWith("session")) {
                    status = flavor.equals("api") ? 201 : 200;
                    body = flavor.equals("api") ? token : "{\"value\": " + token + "}";
                } else if (exchange.getRequestMethod().equals("DELETE")) {
                    status = 204;
                    body = null;
                } else {
                    status = 200;
                    body = flavor.equals("api") ? "[]" : "{\"value\": []}";
                }
                if (body == null) {
                    exchange.sendResponseHeaders(status, -1);
                } else {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            }
        });
        server.start();
        try {
            Map<String, String> env = Map.of("HLM_SERVER", "127.0.0.1:" + server.getAddress().getPort(),
                    "HLM_USERNAME", "cloudadmin@vmc.local", "HLM_PASSWORD", "hunter2-numeric",
                    "HLM_THUMBPRINT", certificate.sha256().toString(), "HLM_API_FLAVOR", flavor);
            Cli.Result r = Cli.run(env, "link", "list", "--trace");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(sessionHeaders).as("the client used the numeric token").contains(token);
            assertThat(r.err()).contains("> POST https://127.0.0.1:", "session", "***").doesNotContain(token);
        } finally {
            server.stop(0);
        }
    }

    /** Both passwords, the Basic credentials, and every session token the simulator saw. */
    private static String[] secrets(Simulator sim) {
        Set<String> secrets = new LinkedHashSet<>();
        String vc = new String(sim.cloudAdminPassword());
        secrets.add(vc);
        secrets.add(new String(sim.pscAdminPassword()));
        secrets.add(Base64.getEncoder().encodeToString(
                (sim.cloudAdminUsername() + ":" + vc).getBytes(StandardCharsets.UTF_8)));
        for (RecordedRequest r : sim.requests()) {
            r.header("vmware-api-session-id").ifPresent(secrets::add);
            r.header("authorization").ifPresent(secrets::add);
        }
        assertThat(secrets).as("the run logged in and used sessions").hasSizeGreaterThan(4);
        return secrets.toArray(String[]::new);
    }
}
