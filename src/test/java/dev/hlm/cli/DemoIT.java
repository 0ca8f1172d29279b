package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code hlm demo}: the first thing a new user runs. */
class DemoIT {
    @Test
    void walksThroughAWholeSession() {
        Cli.Result r = Cli.run(Map.of(), "demo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("[1/8] login as cloudadmin@vmc.local ... session open over /api")
                .contains("link create").contains("link list ... 1 link")
                .contains("connection health HEALTHY")
                .contains("admin add vmc-admins@corp.local ... added")
                .contains("unlinked; 0 links left")
                .contains("[8/8] logout ... session closed");
        assertThat(r.err()).isEmpty();
    }
}
