package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.cli.link.LinkStatusCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code link status} against a server that lists many links (a fake vCenter did 2,000, which took 92 s one by
 * one): the health reads run side by side, never more than {@code PARALLEL_READS} at once, and the report keeps
 * the listed order (issue 11, point 17). A real vCenter holds one link; the bound protects it all the same.
 */
class LinkStatusManyLinksIT {
    private static final int LINKS = 40;

    @TempDir
    Path dir;
    private ScriptedVcenter vcenter;

    @BeforeEach
    void start() {
        vcenter = new ScriptedVcenter(dir);
        String list = IntStream.range(0, LINKS)
                .mapToObj(i -> "{\"link\":\"l-" + i + "\",\"display_name\":\"domain" + i + ".local\"}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        vcenter.answer("GET /api/hvc/links", 200, "[" + list + "]");
        for (int i = 0; i < LINKS; i++) {
            vcenter.answer("GET /api/hvc/links/l-" + i, 200, "{\"connection_health_status\":\""
                    + (i == 7 ? "UNHEALTHY" : "HEALTHY") + "\"}");
        }
        // Long enough that reads one at a time could never overlap, and that parallel ones do.
        vcenter.slow("GET /api/hvc/links/", Duration.ofMillis(150));
    }

    @AfterEach
    void stop() {
        vcenter.close();
    }

    @Test
    void healthIsReadSideBySideWithinTheBoundAndReportedInListOrder() throws Exception {
        Cli.Result r = Cli.run(vcenter.env(), "link", "status", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1); // one link is UNHEALTHY
        JsonNode rows = Json.mapper().readTree(r.out());
        List<String> order = new ArrayList<>();
        rows.forEach(row -> order.add(row.get("link").asText()));
        assertThat(order).containsExactlyElementsOf(IntStream.range(0, LINKS).mapToObj(i -> "l-" + i).toList());
        assertThat(rows.get(7).get("health").asText()).isEqualTo("UNHEALTHY");
        assertThat(vcenter.received().stream().filter(q -> q.route().startsWith("GET /api/hvc/links/")).count())
                .isEqualTo(LINKS);
        assertThat(vcenter.maxInFlight()).as("health reads at once").isGreaterThan(1)
                .isLessThanOrEqualTo(LinkStatusCommand.PARALLEL_READS);
    }

    @Test
    void theFirstFailureInListOrderIsTheCommands() {
        vcenter.answer("GET /api/hvc/links/l-3", 200, "{}");
        Cli.Result r = Cli.run(vcenter.env(), "link", "status");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).startsWith("hlm: PROTOCOL: get link: the answer from ")
                .contains("has no 'connection_health_status'").doesNotContain("Exception");
    }
}
