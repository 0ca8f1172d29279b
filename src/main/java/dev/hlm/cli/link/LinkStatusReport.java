package dev.hlm.cli.link;

import dev.hlm.cli.Nagios;
import dev.hlm.client.SafeText;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** How {@code hlm link status} judges and shows the health of the links: as a table, or as a Nagios line. */
final class LinkStatusReport {
    private final List<LinkHealth> links;

    LinkStatusReport(List<LinkHealth> links) {
        this.links = List.copyOf(links);
    }

    List<LinkHealth> links() {
        return links;
    }

    /** 0 when every link is HEALTHY (a vCenter without links has nothing unhealthy), else 1. */
    int exitCode() {
        return links.stream().allMatch(LinkHealth::healthy) ? 0 : 1;
    }

    void printTable(PrintWriter out) {
        if (links.isEmpty()) {
            out.println("No links.");
            return;
        }
        // Every cell but HEALTH is the server's text: escaped before the columns are measured.
        List<String[]> rows = links.stream().map(l -> new String[] {SafeText.escape(l.link()),
                SafeText.escape(l.displayName()), l.health(), SafeText.escape(l.message())}).toList();
        int idWidth = Math.max(4, rows.stream().mapToInt(r -> r[0].length()).max().orElse(4));
        int domainWidth = Math.max(6, rows.stream().mapToInt(r -> r[1].length()).max().orElse(6));
        String row = "%-" + idWidth + "s  %-" + domainWidth + "s  %-11s  %s%n";
        out.printf(row, "LINK", "DOMAIN", "HEALTH", "");
        rows.forEach(r -> out.printf(row, (Object[]) r));
    }

    /**
     * The monitoring verdict: CRITICAL when a link is UNHEALTHY; UNKNOWN when a health cannot be read;
     * WARNING when there is no link at all (a monitored link that disappeared is worth a look); else OK.
     */
    Nagios state() {
        if (links.stream().anyMatch(LinkHealth::unhealthy)) {
            return Nagios.CRITICAL;
        }
        if (links.stream().anyMatch(l -> !l.healthy())) {
            return Nagios.UNKNOWN;
        }
        return links.isEmpty() ? Nagios.WARNING : Nagios.OK;
    }

    /** One line, e.g. {@code HLM CRITICAL - 1 of 1 link UNHEALTHY: vsphere.local (Remote PSC ...) | links=1 ...}. */
    String nagiosLine(String server) {
        Nagios state = state();
        String summary = switch (state) {
            case CRITICAL -> count(LinkHealth::unhealthy) + " of " + links.size() + " " + plural(links.size())
                    + " UNHEALTHY: " + describe(links.stream().filter(LinkHealth::unhealthy).toList());
            case UNKNOWN -> "health not known for " + describe(links.stream().filter(l -> !l.healthy()).toList());
            case WARNING -> "no links on " + server;
            case OK -> links.size() + " " + plural(links.size()) + " HEALTHY: "
                    + links.stream().map(LinkHealth::displayName).collect(Collectors.joining(", "));
        };
        String perfdata = "links=" + links.size() + " healthy=" + count(LinkHealth::healthy)
                + " unhealthy=" + count(LinkHealth::unhealthy);
        return state.line(summary, perfdata);
    }

    private long count(java.util.function.Predicate<LinkHealth> p) {
        return links.stream().filter(p).count();
    }

    private static String plural(int n) {
        return n == 1 ? "link" : "links";
    }

    private static String describe(List<LinkHealth> some) {
        return some.stream()
                .map(l -> l.displayName() + " (" + (l.message() == null ? l.health() : l.message()) + ")")
                .collect(Collectors.joining(", "));
    }
}
