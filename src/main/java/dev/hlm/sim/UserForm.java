package dev.hlm.sim;

import java.util.Locale;

/**
 * How the simulated PSC names a session's user in {@code GET /api/session}: {@code administrator@vsphere.local}
 * (the user principal name), or the down-level logon name real vCenters often answer,
 * {@code VSPHERE.LOCAL\administrator}. A client that reads the SSO domain from it must take both.
 */
public enum UserForm {
    UPN("upn"),
    DOWN_LEVEL("down-level");

    private final String label;

    UserForm(String label) {
        this.label = label;
    }

    /** Reads "upn" or "down-level" (any case; underscores work too). */
    public static UserForm parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (UserForm f : values()) {
            if (f.label.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown user form '" + text + "'; expected upn or down-level");
    }

    /** The user of {@code localPart} in {@code domain}, in this form. */
    String name(String localPart, String domain) {
        return this == UPN ? localPart + "@" + domain.toLowerCase(Locale.ROOT)
                : domain.toUpperCase(Locale.ROOT) + "\\" + localPart;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
