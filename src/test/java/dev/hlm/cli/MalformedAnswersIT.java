package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers whose JSON is well formed but lacks a field the call needs, or holds null where a value must be
 * (docs/security.md T21, issue 11 point 4): each is a PROTOCOL failure, exit 3, one line that names the call
 * and the field, never a NullPointerException or a stack trace. A vCenter under test, or one in front of a
 * broken proxy, answers so.
 */
class MalformedAnswersIT {
    @TempDir
    Path dir;

    private ScriptedVcenter vcenter;

    @BeforeEach
    void start() {
        vcenter = new ScriptedVcenter(dir);
    }

    @AfterEach
    void stop() {
        vcenter.close();
    }

    static Stream<Arguments> answers() {
        String list = "GET /api/hvc/links";
        String admins = "GET /api/hvc/management/administrators";
        return Stream.of(
                row("a null item in the link list", List.of("link", "list"), list, "[null]",
                        "list links: the answer from HOST has a null item at [0]"),
                row("a link without its id", List.of("link", "list"), list, "[{\"display_name\":\"x\"}]",
                        "list links: the answer from HOST has no 'link' at [0]"),
                row("a link whose id is null", List.of("link", "list"), list, "[{\"link\":null,\"display_name\":\"x\"}]",
                        "list links: the answer from HOST has null for 'link' at [0]"),
                row("a link without its name", List.of("link", "list", "--json"), list, "[{\"link\":\"l-1\"}]",
                        "list links: the answer from HOST has no 'display_name' at [0]"),
                row("a null link list", List.of("link", "list"), list, "null",
                        "list links: the answer from HOST has no value"),
                row("status of a link without its id", List.of("link", "status"), list, "[{\"display_name\":\"x\"}]",
                        "list links: the answer from HOST has no 'link' at [0]"),
                row("status of a link whose id is a path step", List.of("link", "status"), list,
                        "[{\"link\":\"..\",\"display_name\":\"x\"}]",
                        "list links: the answer from HOST has link id '..' at [0], a path step and not an id"),
                row("a listed link whose id is empty", List.of("link", "list"), list,
                        "[{\"link\":\"\",\"display_name\":\"x\"}]",
                        "list links: the answer from HOST has an empty link id at [0]"),
                row("status: health without its status", List.of("link", "status"), "GET /api/hvc/links/l-1", "{}",
                        "get link: the answer from HOST has no 'connection_health_status'"),
                row("health without its status", List.of("link", "get", "l-1"), "GET /api/hvc/links/l-1", "{}",
                        "get link: the answer from HOST has no 'connection_health_status'"),
                row("health null", List.of("link", "get", "l-1"), "GET /api/hvc/links/l-1", "null",
                        "get link: the answer from HOST has no value"),
                row("a null administrator group", List.of("admin", "list"), admins, "[\"ops@corp.local\",null]",
                        "list administrators: the answer from HOST has a null item at [1]"),
                row("a null administrator group, before adding", List.of("admin", "add", "dev@corp.local"), admins,
                        "[null]", "list administrators: the answer from HOST has a null item at [0]"));
    }

    private static Arguments row(String name, List<String> command, String route, String body, String message) {
        return Arguments.of(name, command, route, body, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void isAProtocolFailureThatNamesTheField(String name, List<String> command, String route, String body,
            String message) {
        vcenter.answer("GET /api/hvc/links", 200, "[{\"link\":\"l-1\",\"display_name\":\"corp.local\"}]");
        vcenter.answer(route, 200, body);
        Map<String, String> env = vcenter.env();
        Cli.Result r = Cli.run(env, command.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).as(r.toString())
                .startsWith("hlm: PROTOCOL: " + message.replace("HOST", env.get("HLM_SERVER")))
                .doesNotContain("Exception", "\tat ");
        assertThat(r.err().lines().count()).as("one line and a hint").isEqualTo(2);
    }
}
