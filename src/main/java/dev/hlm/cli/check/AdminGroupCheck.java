package dev.hlm.cli.check;

import dev.hlm.cli.Groups;
import java.util.List;

/**
 * The admin groups look like {@code group@domain} (decision D11). A mistyped group is the common reason
 * on-prem users see nothing after linking; whether the group exists only the identity source can tell.
 */
final class AdminGroupCheck {
    private AdminGroupCheck() {}

    static void judge(Checklist list, List<String> groups) {
        if (groups.isEmpty()) {
            list.pass(Check.ADMIN_GROUPS, "none given (optional): add them later with 'hlm admin add GROUP@DOMAIN'");
            return;
        }
        List<String> malformed = groups.stream().filter(g -> !Groups.wellFormed(g == null ? "" : g.trim())).toList();
        if (malformed.isEmpty()) {
            list.pass(Check.ADMIN_GROUPS, String.join(", ", groups)
                    + " (the cloud vCenter needs the on-prem identity source that holds them)");
        } else {
            list.fail(Check.ADMIN_GROUPS, "not of the form group@domain: " + String.join(", ", malformed),
                    "name each group with its domain, e.g. vmc-admins@corp.local");
        }
    }
}
