package dev.hlm.sim;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The groups with HLM administrator rights (decision D11). SSO names are case-insensitive, so a group is
 * present once whatever its case; add and remove are idempotent.
 */
final class AdministratorGroups {
    /** A character a name may hold: not {@code @}, not a control, format character or line or paragraph separator. */
    private static final String SHOWN = "[^@\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]";
    /** One that is not a blank either. */
    private static final String SOLID = "[^@\\p{Cc}\\p{Cf}\\p{Z}]";
    /**
     * {@code group@domain}, as a vCenter takes it: the group may hold blanks (Active Directory's
     * {@code VMC Admins@corp.local}), not at its ends; the domain none; no control or invisible character.
     */
    private static final Pattern GROUP = Pattern.compile(SOLID + "(?:" + SHOWN + "*" + SOLID + ")?@" + SOLID + "+");

    private final Set<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static boolean isValidName(String name) {
        return name != null && GROUP.matcher(name).matches();
    }

    synchronized Set<String> snapshot() {
        return Set.copyOf(groups);
    }

    /** In the set's (case-insensitive alphabetical) order, for stable JSON. */
    synchronized List<String> sorted() {
        return List.copyOf(groups);
    }

    synchronized void replaceAll(Collection<String> names) {
        groups.clear();
        groups.addAll(names);
    }

    synchronized void addAll(Collection<String> names) {
        groups.addAll(names);
    }

    synchronized void remove(String name) {
        groups.remove(name);
    }
}
