package dev.hlm.cli.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.cli.Nagios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How link status judges links, and its monitoring-plugin line. */
class LinkStatusReportTest {
    private static LinkHealth link(String domain, String health, String message) {
        return new LinkHealth("id-" + domain, domain, health, message);
    }

    @Test
    void allHealthyIsOk() {
        LinkStatusReport r = new LinkStatusReport(List.of(link("vsphere.local", "HEALTHY", null)));
        assertThat(r.exitCode()).isZero();
        assertThat(r.state()).isEqualTo(Nagios.OK);
        assertThat(r.nagiosLine("vc")).isEqualTo("HLM OK - 1 link HEALTHY: vsphere.local | links=1 healthy=1 unhealthy=0");
    }

    @Test
    void anUnhealthyLinkIsCriticalWithTheReason() {
        LinkStatusReport r = new LinkStatusReport(List.of(link("a.local", "HEALTHY", null),
                link("b.local", "UNHEALTHY", "Remote PSC is not reachable.")));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.state()).isEqualTo(Nagios.CRITICAL);
        assertThat(r.state().exitCode()).isEqualTo(2);
        assertThat(r.nagiosLine("vc")).isEqualTo("HLM CRITICAL - 1 of 2 links UNHEALTHY: b.local (Remote PSC is not "
                + "reachable.) | links=2 healthy=1 unhealthy=1");
    }

    @Test
    void healthThatCannotBeReadIsUnknown() {
        for (String health : List.of(LinkHealth.UNAVAILABLE, "UNKNOWN")) {
            LinkStatusReport r = new LinkStatusReport(List.of(link("vsphere.local", health, null)));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.state()).isEqualTo(Nagios.UNKNOWN);
            assertThat(r.nagiosLine("vc")).startsWith("HLM UNKNOWN - health not known for vsphere.local");
        }
    }

    @Test
    void noLinksIsAWarningForMonitoringButNotAFailure() {
        LinkStatusReport r = new LinkStatusReport(List.of());
        assertThat(r.exitCode()).isZero();
        assertThat(r.state()).isEqualTo(Nagios.WARNING);
        assertThat(r.nagiosLine("vc.example.com")).isEqualTo("HLM WARNING - no links on vc.example.com | links=0 healthy=0 unhealthy=0");
        StringWriter out = new StringWriter();
        r.printTable(new PrintWriter(out, true));
        assertThat(out.toString()).isEqualTo("No links." + System.lineSeparator());
    }

    @Test
    void aNagiosLineIsOneLineWithoutAStrayPipe() {
        String line = Nagios.CRITICAL.line("a\nb | c", "x=1");
        assertThat(line).isEqualTo("HLM CRITICAL - a\\x0ab / c | x=1");
        assertThat(Nagios.UNKNOWN.line("usage", null)).isEqualTo("HLM UNKNOWN - usage");
    }
}
