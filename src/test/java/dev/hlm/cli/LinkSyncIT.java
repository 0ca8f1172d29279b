package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hlm link sync as a user runs it: the providers' table and records, --start, --reset, and the releases without sync. */
class LinkSyncIT {
    @TempDir
    Path dir;

    private Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private Map<String, String> linked(String version, Duration syncDuration) {
        sim = Simulator.builder().apiVersion(ApiVersion.parse(version)).syncDuration(syncDuration).build();
        Map<String, String> env = SimEnv.of(sim, dir);
        Cli.Result created = Cli.run(env, "link", "create");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return env;
    }

    private String link() {
        return sim.links().get(0).link();
    }

    @Test
    void theTableShowsEveryProviderAndJsonTheSameAsRecords() {
        Map<String, String> env = linked("7.0.2", Duration.ZERO);
        Cli.Result table = Cli.run(env, "link", "sync", link());
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).startsWith("PROVIDER").contains("identity", "tagging", "trust", "SUCCEEDED", "none");

        Cli.Result json = Cli.run(env, "link", "sync", link(), "--json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).contains("\"provider\" : \"identity\"", "\"status\" : \"SUCCEEDED\"",
                "\"polling_interval_in_seconds\" : 300");
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    void startRunsOneProviderAndASecondStartSaysItIsBusy() {
        Map<String, String> env = linked("6.7", Duration.ofHours(1));
        Cli.Result started = Cli.run(env, "link", "sync", link(), "--start", "tagging");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.out()).contains("Started a sync of tagging of link " + link() + ".", "CHANGE_DETECTION 0/100");

        Cli.Result again = Cli.run(env, "link", "sync", link(), "--start", "tagging");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).contains("RESOURCE_BUSY").contains("running");
        assertThat(again.err().lines().count()).as("one line: " + again.err()).isLessThanOrEqualTo(2);
    }

    @Test
    void resetAsksWithoutATerminalNeedsYesAndThenRestartsEveryProvider() {
        Map<String, String> env = linked("7.0.2", Duration.ofHours(1));
        Cli.Result refused = Cli.run(env, "link", "sync", link(), "--reset");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes");

        Cli.Result planned = Cli.run(env, "link", "sync", link(), "--reset", "--dry-run");
        assertThat(planned.exitCode()).as(planned.toString()).isZero();
        assertThat(planned.out()).contains("POST", "/sync?action=reset");
        assertThat(Cli.run(env, "link", "sync", link()).out()).doesNotContain("CHANGE_DETECTION");

        Cli.Result reset = Cli.run(env, "link", "sync", link(), "--reset", "--yes");
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out()).contains("every provider syncs again");
        assertThat(reset.out().lines().filter(l -> l.contains("CHANGE_DETECTION")).count()).isEqualTo(3);
    }

    @Test
    void releasesWithoutSyncAreRefusedBeforeAnythingIsSentAboutTheLink() {
        Map<String, String> env = linked("8.0.1", Duration.ZERO);
        Cli.Result r = Cli.run(env, "link", "sync", link());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("UNSUPPORTED", "before vSphere 8.0 Update 1");
        assertThat(sim.requests()).noneMatch(q -> q.path().contains("/sync"));
    }

    @Test
    void badCombinationsAreUsageErrors() {
        Map<String, String> env = linked("7.0.2", Duration.ZERO);
        assertThat(Cli.run(env, "link", "sync", link(), "--start", "trust", "--reset", "--yes").exitCode()).isEqualTo(2);
        assertThat(Cli.run(env, "link", "sync", "..").exitCode()).isEqualTo(2);
        Cli.Result unknown = Cli.run(env, "link", "sync", link(), "--start", "dns");
        assertThat(unknown.exitCode()).as(unknown.toString()).isNotZero();
        assertThat(unknown.err()).contains("NOT_FOUND");
    }
}
