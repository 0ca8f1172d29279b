package dev.hlm.cli.check;

import dev.hlm.cli.Groups;
import java.util.List;
import java.util.Objects;

/**
 * The admin groups follow the group-name rule ({@link Groups}, decision D11). A mistyped group is the common
 * reason on-prem users see nothing after linking; whether the group exists only the identity source can tell.
 */
final class AdminGroupCheck {
    private AdminGroupCheck() {}

    static void judge(Checklist list, List<String> groups) {
        if (groups.isEmpty()) {
            list.pass(Check.ADMIN_GROUPS, "none given (optional): add them later with 'hlm admin add GROUP@DOMAIN'");
            return;
        }
        List<String> problems = groups.stream().map(g -> Groups.problem(Groups.withoutSurroundingSpaces(g)))
                .filter(Objects::nonNull).toList();
        if (problems.isEmpty()) {
            list.pass(Check.ADMIN_GROUPS, String.join(", ", groups)
                    + " (the cloud vCenter needs the on-prem identity source that holds them)");
        } else {
            list.fail(Check.ADMIN_GROUPS, String.join("; ", problems),
                    "name each group with its domain, e.g. vmc-admins@corp.local, without control or invisible characters");
        }
    }
}
