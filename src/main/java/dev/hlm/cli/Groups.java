package dev.hlm.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** HLM administrator group names: {@code group@domain} (decision D11), checked before anything is sent. */
public final class Groups {
    private Groups() {}

    /** True for {@code group@domain}: one {@code @} with text on both sides, no spaces. */
    public static boolean wellFormed(String name) {
        int at = name == null ? -1 : name.indexOf('@');
        return at > 0 && at == name.lastIndexOf('@') && at < name.length() - 1 && !name.contains(" ");
    }

    /** The names trimmed and de-duplicated, in order; a malformed one fails with exit 2 naming it. */
    public static List<String> validated(String flag, List<String> names) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw == null ? "" : raw.trim();
            if (!wellFormed(name)) {
                throw CliException.usage(flag + ": '" + name + "' is not a group name of the form group@domain",
                        "e.g. vmc-admins@corp.local");
            }
            result.add(name);
        }
        return new ArrayList<>(result);
    }
}
