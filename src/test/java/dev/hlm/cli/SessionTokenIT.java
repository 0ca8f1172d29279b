package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login whose session token is not a token (docs/security.md T20): a PROTOCOL failure, exit 3, that names
 * the problem and never shows the token, in text, in {@code --json} or in {@code --trace}. The session is
 * still ended when the token can be sent back as a header; when it cannot (CR, LF, other controls), the
 * message says it will idle out, and nothing is sent with it.
 */
class SessionTokenIT {
    @TempDir
    Path dir;

    private ScriptedVcenter vcenter;
    private String hostPort;

    @BeforeEach
    void start() {
        vcenter = new ScriptedVcenter(dir);
        hostPort = vcenter.env().get("HLM_SERVER");
    }

    @AfterEach
    void stop() {
        vcenter.close();
    }

    private Cli.Result listWithToken(String token, String... more) {
        vcenter.answer("POST /api/session", 201, Json.write(token));
        String[] args = new String[2 + more.length];
        args[0] = "link";
        args[1] = "list";
        System.arraycopy(more, 0, args, 2, more.length);
        Cli.Result r = Cli.run(vcenter.env(), args);
        TerminalText.assertShowsAsWritten("hlm link list", r.all());
        return r;
    }

    private void assertRefused(Cli.Result r, String token, String problem) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(errorLine(r)).startsWith("hlm: PROTOCOL: the session token from " + hostPort + " " + problem);
        assertThat(r.all()).as("the token is never shown").doesNotContain(token)
                .doesNotContain(token.strip()).doesNotContain("Exception");
        assertThat(vcenter.received()).as("nothing is sent with a token that is not one")
                .noneMatch(q -> q.route().startsWith("GET "));
    }

    /** The first line of hlm's own error (a trace comes before it). */
    private static String errorLine(Cli.Result r) {
        return r.err().lines().filter(l -> l.startsWith("hlm: ")).findFirst().orElse("");
    }

    @Test
    void aTokenWithALineBreakIsRefusedNeverSentAndSaidToIdleOut() {
        String token = "tok\r\nX-Injected: 1";
        Cli.Result r = listWithToken(token);
        assertRefused(r, token, "holds a control character (U+000D)");
        assertThat(errorLine(r)).contains("could not be ended", "idle");
        assertThat(vcenter.received()).extracting(ScriptedVcenter.Received::route).containsExactly("POST /api/session");
    }

    @Test
    void aTokenWithAControlCharacterIsRefusedUnderJsonAndTraceToo() throws Exception {
        String token = "abc\u0001def";
        Cli.Result json = listWithToken(token, "--json");
        assertRefused(json, token, "holds a control character (U+0001)");
        assertThat(Json.mapper().readTree(json.out()).path("error").path("type").asText()).isEqualTo("PROTOCOL");
        assertThat(json.out()).doesNotContain("abc\\u0001def");

        Cli.Result trace = listWithToken(token, "--trace");
        assertRefused(trace, token, "holds a control character (U+0001)");
        assertThat(trace.err()).contains("> POST ").doesNotContain("abc\\u0001def").doesNotContain("abc\\x01def");
    }

    @Test
    void aNonAsciiTokenIsRefusedAndNotSentMangled() {
        String token = "t\u00f8ken\u202e";
        Cli.Result r = listWithToken(token);
        assertRefused(r, token, "holds a character that is not visible ASCII (U+00F8)");
        assertThat(errorLine(r)).contains("could not be ended", "idle");
        // Java's HTTP client would send it as "t?ken?": another token, so none is sent.
        assertThat(vcenter.received()).extracting(ScriptedVcenter.Received::route).containsExactly("POST /api/session");
    }

    @Test
    void aTokenWithASpaceIsRefusedButItsSessionEnded() {
        String token = "tok en";
        Cli.Result r = listWithToken(token);
        assertRefused(r, token, "holds a character that is not visible ASCII (U+0020)");
        assertThat(errorLine(r)).contains("the session was ended");
        assertThat(vcenter.received()).extracting(ScriptedVcenter.Received::route)
                .containsExactly("POST /api/session", "DELETE /api/session");
        assertThat(vcenter.received().get(1).sessionHeader()).isEqualTo(token);
    }

    @Test
    void anAbsurdlyLongTokenIsRefusedAndItsSessionEnded() {
        String token = "a".repeat(100_000);
        Cli.Result r = listWithToken(token);
        assertRefused(r, token, "is 100000 characters long");
        assertThat(vcenter.received()).extracting(ScriptedVcenter.Received::route)
                .containsExactly("POST /api/session", "DELETE /api/session");
        assertThat(vcenter.received().get(1).sessionHeader()).isEqualTo(token);
    }

    @Test
    void anEmptyTokenIsAProtocolFailure() {
        Cli.Result r = listWithToken("");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).startsWith("hlm: PROTOCOL: login to " + hostPort + " answered without a session token");
    }

    @Test
    void aLegacyLoginsTokenIsCheckedTheSameWay() {
        vcenter.answer("POST /api/session", 404, "{\"name\":\"com.vmware.vapi.rest.httpNotFound\",\"majorErrorCode\":404,"
                + "\"localizableMessages\":[{\"defaultMessage\":\"Not found.\",\"id\":\"x\"}]}");
        vcenter.answer("POST /rest/com/vmware/cis/session", 200, Json.write(Map.of("value", "tok\nen")));
        Cli.Result r = Cli.run(vcenter.env(), "link", "list");
        assertRefused(r, "tok\nen", "holds a control character (U+000A)");
        assertThat(vcenter.received()).noneMatch(q -> q.method().equals("DELETE"));
    }

    @Test
    void anOrdinaryTokenStillWorks() {
        vcenter.answer("GET /api/hvc/links", 200, "[]");
        Cli.Result r = listWithToken("b00db39f948d13ea1e59b4d6fce56389");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(vcenter.received()).extracting(ScriptedVcenter.Received::route)
                .containsExactly("POST /api/session", "GET /api/hvc/links", "DELETE /api/session");
    }
}
