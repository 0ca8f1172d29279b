package dev.hlm.api;

import java.util.Locale;
import java.util.Optional;

/** {@code GET /api/session}: who the token belongs to. Times are ISO-8601 strings. */
public record SessionInfo(String user, String createdTime, String lastAccessedTime) {
    /**
     * The SSO domain the user belongs to, in lower case: from {@code administrator@vsphere.local} (the user
     * principal name) or {@code VSPHERE.LOCAL\Administrator} (the down-level name many vCenters answer with);
     * empty when the user is named without a domain.
     */
    public Optional<String> domain() {
        return domainOf(user);
    }

    /** The SSO domain of a user named either way, as {@link #domain()} reads it. */
    public static Optional<String> domainOf(String user) {
        String name = user == null ? "" : user.trim();
        int at = name.lastIndexOf('@');
        int backslash = name.indexOf('\\');
        String domain = at >= 0 ? name.substring(at + 1) : backslash > 0 ? name.substring(0, backslash) : "";
        return domain.isEmpty() ? Optional.empty() : Optional.of(domain.toLowerCase(Locale.ROOT));
    }
}
