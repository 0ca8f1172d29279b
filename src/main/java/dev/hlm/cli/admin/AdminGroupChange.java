package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConfirmOptions;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.DryRunOptions;
import dev.hlm.cli.Groups;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code admin add} and {@code admin remove} share: check the group names before anything is sent, read
 * the groups, then change only those that need it, one at a time (each change is idempotent, decision D11),
 * or plan those changes in a dry run. A group already as asked is reported, not sent. Group names are
 * compared without case, as the vCenter does. With {@code --json}: the groups afterwards, as
 * {@code admin list --json} prints them, or the planned requests.
 */
abstract class AdminGroupChange implements Callable<Integer> {
    /** The two changes: what each does to the set of groups, the request it sends, and how it reports. */
    enum Change {
        ADD("Added %s to the HLM administrators.", "%s is already an HLM administrator; nothing to add.") {
            @Override
            boolean apply(Set<String> groups, String group) {
                return groups.add(group);
            }

            @Override
            void send(HlmClient vc, String group) {
                vc.addAdministrator(group);
            }
        },
        REMOVE("Removed %s from the HLM administrators.", "%s is not an HLM administrator; nothing to remove.") {
            @Override
            boolean apply(Set<String> groups, String group) {
                return groups.remove(group);
            }

            @Override
            void send(HlmClient vc, String group) {
                vc.removeAdministrator(group);
            }
        };

        private final String done;
        private final String unchanged;

        Change(String done, String unchanged) {
            this.done = done;
            this.unchanged = unchanged;
        }

        /** Applies the change to {@code groups} as the server will; false when the group is already as asked. */
        abstract boolean apply(Set<String> groups, String group);

        abstract void send(HlmClient vc, String group);

        String done(String group) {
            return String.format(done, SafeText.escape(group));
        }

        String unchanged(String group) {
            return String.format(unchanged, SafeText.escape(group));
        }
    }

    private final CliContext ctx;
    private final Change change;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    DryRunOptions dryRun;

    @Mixin
    OutputOptions output;

    AdminGroupChange(CliContext ctx, Change change) {
        this.ctx = ctx;
        this.change = change;
    }

    /** The groups as given on the command line. */
    abstract List<String> groups();

    /** Its {@code --yes}, for the change that takes something away; null for {@code admin add}, which never asks. */
    abstract ConfirmOptions confirmation();

    @Override
    public Integer call() {
        List<String> names = Groups.validated("GROUP", groups());
        try (HlmClient vc = connection.connect(ctx, null, dryRun.active())) {
            Set<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            groups.addAll(vc.administrators());
            List<String> changed = new ArrayList<>();
            List<String> report = new ArrayList<>();
            for (String group : names) {
                if (change.apply(groups, group)) {
                    changed.add(group);
                    report.add(change.done(group));
                } else {
                    report.add(change.unchanged(group));
                }
            }
            // Asked once, for all of them, before the first is sent; a group that needs no request needs no yes.
            if (confirmation() != null && !changed.isEmpty()) {
                String listed = SafeText.escape(String.join(", ", changed));
                confirmation().confirm(ctx, dryRun.active(), "removing " + listed + " from the HLM administrators",
                        "Remove " + listed + " from the HLM administrators of " + SafeText.escape(vc.server().getHost())
                                + "? Their members lose HLM administration");
            }
            changed.forEach(group -> change.send(vc, group));
            if (output.json()) {
                if (!dryRun.report(ctx, vc, true)) {
                    output.printJson(ctx, groups.stream().sorted().toList());
                }
                return 0;
            }
            if (vc.dryRun()) {
                // What needs no request is said here; the plan below shows the rest.
                names.stream().filter(g -> !changed.contains(g)).map(change::unchanged).forEach(ctx.out()::println);
                dryRun.report(ctx, vc, false);
            } else {
                report.forEach(ctx.out()::println);
            }
            return 0;
        }
    }
}
