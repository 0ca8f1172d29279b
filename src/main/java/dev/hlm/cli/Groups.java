package dev.hlm.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * HLM administrator group names (decision D11), checked before anything is sent. The rule, which the
 * simulator's {@code AdministratorGroups} states for its side: {@code group@domain}, one {@code @} with text on
 * both sides; the group may hold blanks, as Active Directory names do ({@code VMC Admins@corp.local}), but not
 * at its start or end; the domain holds none; no control or invisible character anywhere (a line feed, a tab,
 * a zero-width space or a bidirectional control would name another group than the one the user sees).
 */
public final class Groups {
    private static final String FORM = " is not a group name of the form group@domain";

    private Groups() {}

    /**
     * Why {@code name} is not a group name, quoting it as given; null when it is one. The reason is raw text,
     * the offending character included, like every message: what prints it escapes it ({@code SafeText}),
     * so the user sees {@code 'ops\x0a@corp.local' contains a control character (\x0a)}, and {@code --json}
     * the name exactly.
     */
    public static String problem(String name) {
        String shown = "'" + (name == null ? "" : name) + "'";
        if (name == null) {
            return shown + FORM;
        }
        int hidden = firstHidden(name);
        if (hidden >= 0) {
            int c = name.codePointAt(hidden);
            return shown + " contains " + (Character.getType(c) == Character.CONTROL ? "a control" : "an invisible")
                    + " character (" + Character.toString(c) + ")";
        }
        int at = name.indexOf('@');
        if (at <= 0 || at != name.lastIndexOf('@') || at == name.length() - 1) {
            return shown + FORM;
        }
        if (Character.isSpaceChar(name.codePointAt(0))) {
            return shown + " begins with a blank";
        }
        if (Character.isSpaceChar(name.codePointBefore(at))) {
            return shown + " has a blank before '@'";
        }
        if (name.substring(at + 1).codePoints().anyMatch(Character::isSpaceChar)) {
            return shown + " has a blank in its domain";
        }
        return null;
    }

    /**
     * The first character of {@code name} that no group name may hold, as the simulator's rule has it: a
     * control, a format character (zero-width, bidirectional), a line or paragraph separator. -1 for none.
     */
    private static int firstHidden(String name) {
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            int type = Character.getType(name.codePointAt(i));
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The names without the plain spaces around them (a quoted list or a copied line adds them; no group
     * starts or ends with one) and de-duplicated, in order; a malformed one fails with exit 2 naming it.
     */
    public static List<String> validated(String flag, List<String> names) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String raw : names) {
            String name = withoutSurroundingSpaces(raw);
            String problem = problem(name);
            if (problem != null) {
                throw CliException.usage(flag + ": " + problem,
                        "a group is group@domain, e.g. vmc-admins@corp.local or 'VMC Admins@corp.local'");
            }
            result.add(name);
        }
        return new ArrayList<>(result);
    }

    /** As {@link #validated} takes a name: plain spaces only go, a tab or line feed at either end is refused. */
    public static String withoutSurroundingSpaces(String raw) {
        String s = raw == null ? "" : raw;
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }
}
