package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.sim.explorer.Explorer;
import dev.hlm.testing.WithSimulator;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated vCenter's apiexplorer (decision D19): the page and Swagger UI from the webjar, served without a
 * session and without anything from another host; {@code api.json} and one document per package of the
 * version; nothing else readable through its paths.
 */
@WithSimulator
class ExplorerIT {
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";

    @Test
    void servesThePageAndSwaggerUiFromTheWebjarWithoutASession(Simulator sim) throws IOException {
        SimHttp http = SimHttp.cloud(sim);
        assertThat(sim.explorerUrl()).isEqualTo(sim.cloudUrl().resolve("/apiexplorer/"));

        Reply page = http.get("/apiexplorer/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("swagger-ui/swagger-ui-bundle.js").contains("hlm-explorer.js");
        // The page works offline: it loads only from this server, and its policy forbids anything else.
        assertThat(urlsIn(page.body())).allSatisfy(url -> assertThat(url).doesNotContain("//").doesNotStartWith("/"));
        assertThat(page.header("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self'").contains("script-src 'self'").contains("connect-src 'self'");

        Reply bundle = http.get("/apiexplorer/swagger-ui/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body()).isEqualTo(webjarFile("swagger-ui-bundle.js"));
        assertThat(http.get("/apiexplorer/swagger-ui/swagger-ui.css").body()).isEqualTo(webjarFile("swagger-ui.css"));
        String initializer = http.get("/apiexplorer/hlm-explorer.js").body();
        assertThat(initializer).contains("SwaggerUIBundle(").doesNotContain("http://").doesNotContain("https://");

        Reply bare = http.get("/apiexplorer");
        assertThat(bare.status()).isEqualTo(301);
        assertThat(bare.header("Location")).hasValue("/apiexplorer/");
        assertThat(sim.requests()).as("the explorer's files are not API requests").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApiVersion.class)
    void listsThePackagesOfTheVersionEachAsASwagger2Document(ApiVersion version) {
        try (Simulator sim = Simulator.builder().apiVersion(version).build()) {
            SimHttp http = SimHttp.cloud(sim);
            JsonNode index = http.get("/apiexplorer/json/api.json").json();
            List<String> files = new ArrayList<>();
            index.path("files").forEach(f -> files.add(f.asText()));
            // 6.7 has no /api: its session is the cis package's, at /rest/com/vmware/cis/session. 9.1 has no hvc.
            assertThat(files).containsExactlyElementsOf(switch (version) {
                case V6_7 -> List.of("appliance.json", "cis.json", "hvc.json");
                case V9_1 -> List.of("appliance.json", "cis.json", "session.json");
                default -> List.of("appliance.json", "cis.json", "hvc.json", "session.json");
            });

            ExplorerDocuments documents = ExplorerDocuments.of(sim);
            for (String name : documents.packages()) {
                JsonNode doc = documents.document(name);
                assertThat(doc.path("swagger").asText()).isEqualTo("2.0");
                assertThat(doc.path("basePath").asText("absent")).isEmpty();
                assertThat(doc.path("info").path("version").asText()).isEqualTo(version.fullVersion());
                JsonNode security = doc.path("securityDefinitions");
                assertThat(security.path("basic_auth").path("type").asText()).isEqualTo("basic");
                assertThat(security.path("session_id").path("type").asText()).isEqualTo("apiKey");
                assertThat(security.path("session_id").path("in").asText()).isEqualTo("header");
                assertThat(security.path("session_id").path("name").asText()).isEqualTo("vmware-api-session-id");
            }
            assertThat(http.get("/apiexplorer/json/vcenter.json").status()).isEqualTo(404);
        }
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V6_7)
    void v67DocumentsRestPathsWithSpecBodiesAndValueAnswers(Simulator sim) {
        ExplorerDocuments documents = ExplorerDocuments.of(sim);
        assertThat(documents.keys()).allSatisfy(key -> assertThat(key.path()).startsWith("/rest/"));
        ExplorerDocuments.Operation create = documents.find("POST", "/rest/hvc/links").orElseThrow();
        JsonNode example = create.requestSchema().orElseThrow().path("example");
        assertThat(example.path("spec").path("psc_hostname").asText()).isEqualTo(sim.pscHostname());
        assertThat(example.path("spec").path("port").asText()).isEqualTo(Integer.toString(sim.pscPort()));
        JsonNode ok = create.response(200).orElseThrow();
        assertThat(ok.path("schema").path("required").toString()).isEqualTo("[\"value\"]");
        assertThat(ok.path("examples").path("application/json").has("value")).isTrue();
        assertThat(create.response(400).orElseThrow().path("x-error-types").toString())
                .contains("INVALID_REQUEST").doesNotContain("UNVERIFIED_PEER");
        assertThat(documents.find("POST", "/rest/com/vmware/cis/session").orElseThrow().node()
                .path("security").toString()).contains("basic_auth");
        assertThat(documents.find("GET", "/rest/hvc/links/<link>")).as("no get before 8.0U1").isEmpty();
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V7_0_2)
    void v702HasNoGetNorUnlinkWithCredentialsAndDeprecatesRest(Simulator sim) {
        ExplorerDocuments documents = ExplorerDocuments.of(sim);
        assertThat(documents.find("GET", "/api/hvc/links/<link>")).isEmpty();
        assertThat(documents.find("POST", "/api/hvc/links/<link>?action=delete")).isEmpty();
        ExplorerDocuments.Operation create = documents.find("POST", "/api/hvc/links").orElseThrow();
        assertThat(create.response(201)).isPresent();
        assertThat(create.response(400).orElseThrow().path("x-error-types").toString()).contains("UNVERIFIED_PEER");
        assertThat(create.node().path("deprecated").asBoolean()).isFalse();
        assertThat(documents.find("POST", "/rest/hvc/links").orElseThrow().node().path("deprecated").asBoolean())
                .isTrue();
        assertThat(documents.document("hvc").path("definitions").path("HvcLinksCreateSpec").path("properties")
                .has("ssl_certificate")).isFalse();
    }

    @Test
    @WithSimulator(apiVersion = ApiVersion.V9_0)
    void v90KeysTheActionOperationsWithTheirQueryAndKnowsSslCertificate(Simulator sim) {
        ExplorerDocuments documents = ExplorerDocuments.of(sim);
        JsonNode paths = documents.document("hvc").path("paths");
        assertThat(paths.has("/api/hvc/links/{link}?action=delete")).isTrue();
        assertThat(paths.has("/api/hvc/management/administrators?action=add")).isTrue();
        assertThat(paths.has("/api/hvc/management/administrators?action=remove")).isTrue();
        JsonNode definitions = documents.document("hvc").path("definitions");
        assertThat(definitions.path("HvcLinksCreateSpec").path("properties").has("ssl_certificate")).isTrue();
        assertThat(definitions.path("HvcLinksCertificateInfo").path("properties").has("ssl_certificate")).isTrue();
    }

    @Test
    void theDocumentedExamplesAreTheSimulatorsOwnAnswers(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        ExplorerDocuments documents = ExplorerDocuments.of(sim);
        String[] session = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
        JsonNode notFound = http.get("/api/hvc/links/no-such-link", session).json();
        JsonNode documented = documents.find("GET", "/api/hvc/links/<link>").orElseThrow().response(404)
                .orElseThrow().path("examples").path("application/json");
        assertThat(fieldNames(documented)).isEqualTo(fieldNames(notFound));
        assertThat(documented.path("error_type")).isEqualTo(notFound.path("error_type"));
        assertThat(documented.path("messages").path(0).path("id")).isEqualTo(notFound.path("messages").path(0).path("id"));

        JsonNode noSession = http.get("/api/hvc/links").json();
        JsonNode documentedNoSession = documents.find("GET", "/api/hvc/links").orElseThrow().response(401)
                .orElseThrow().path("examples").path("application/json");
        assertThat(documentedNoSession).isEqualTo(noSession);
    }

    /**
     * Sent byte for byte, as a hostile client would (no client library normalising the path): dots, encoded
     * dots and slashes, backslashes, empty segments, webjar files the page does not use, the project's
     * classes. None reads anything.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "/apiexplorer/../sim/stats",
        "/apiexplorer/../api/appliance/system/version",
        "/apiexplorer/%2e%2e/sim/stats",
        "/apiexplorer/%2E%2E%2Fsim%2Fstats",
        "/apiexplorer/..%2f..%2fMETA-INF/MANIFEST.MF",
        "/apiexplorer/swagger-ui/../index.html",
        "/apiexplorer/swagger-ui/..%2f..%2f..%2fdev/hlm/sim/Simulator.class",
        "/apiexplorer/swagger-ui/index.html",
        "/apiexplorer/swagger-ui/swagger-initializer.js",
        "/apiexplorer/swagger-ui/swagger-ui-bundle.js.map",
        "/apiexplorer/json/..%2fapi.json",
        "/apiexplorer/json/../../../etc/passwd",
        "/apiexplorer/json/api.json%00",
        "/apiexplorer/%5c..%5cindex.html",
        "/apiexplorer/\\..\\index.html",
        "/apiexplorer//etc/passwd",
        "/apiexplorer/./index.html",
        "/apiexplorer/Explorer.class",
        "/apiexplorer/dev/hlm/sim/explorer/index.html",
        "/apiexplorer/META-INF/MANIFEST.MF",
        "/apiexplorerX/index.html",
    })
    void nothingButTheExplorersFilesIsReadable(String rawPath, Simulator sim) throws Exception {
        String answer = rawGet(sim, rawPath);
        assertThat(answer).as(rawPath).matches("(?s)HTTP/1\\.1 (400|404) .*");
        assertThat(answer).doesNotContain("requests").doesNotContain("Manifest-Version").doesNotContain("root:")
                .doesNotContain("swagger").doesNotContain("<html");
    }

    @Test
    void onlyGetAndHeadAreServed(Simulator sim) {
        SimHttp http = SimHttp.cloud(sim);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Reply reply = http.send(method, "/apiexplorer/json/api.json", "{}");
            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(reply.header("Allow")).hasValue("GET, HEAD");
        }
        Reply head = http.send("HEAD", "/apiexplorer/", null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    private static List<String> urlsIn(String html) {
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        List<String> urls = new ArrayList<>();
        while (m.find()) {
            urls.add(m.group(1));
        }
        assertThat(urls).isNotEmpty();
        return urls;
    }

    private static String webjarFile(String name) throws IOException {
        String folder = WEBJAR + Explorer.swaggerUiVersion() + "/";
        try (InputStream in = ExplorerIT.class.getResourceAsStream(folder + name)) {
            assertThat(in).as(folder + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** One GET with the request line exactly as given; the whole answer, head and body. */
    private static String rawGet(Simulator sim, String rawPath) throws Exception {
        var tls = TlsContexts.client(TlsContexts.recorder(
                TrustPolicy.certificates(List.of(sim.cloudCertificate().certificate()))));
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(Simulator.HOST, sim.cloudPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + Simulator.HOST + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
