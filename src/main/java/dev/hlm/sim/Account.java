package dev.hlm.sim;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A user a simulated server accepts. SSO user names are case-insensitive, and a bare name ("Administrator")
 * means the user of the server's own domain, so both log in.
 */
record Account(String username, char[] password, Set<Privilege> privileges) {
    Account {
        password = password.clone();
        privileges = Set.copyOf(privileges);
    }

    /** A copy: clear it when done. */
    @Override
    public char[] password() {
        return password.clone();
    }

    boolean hasName(String login) {
        return login != null && (login.equalsIgnoreCase(username)
                || (login.indexOf('@') < 0 && login.equalsIgnoreCase(localPart())));
    }

    /** Compares in constant time, so the simulator does not teach timing attacks by example. */
    boolean hasPassword(char[] candidate) {
        return candidate != null && MessageDigest.isEqual(utf8(password), utf8(candidate));
    }

    boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }

    /** "administrator" of "administrator@vsphere.local". */
    String localPart() {
        int at = username.lastIndexOf('@');
        return at < 0 ? username : username.substring(0, at);
    }

    private static byte[] utf8(char[] chars) {
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        return Arrays.copyOf(buffer.array(), buffer.limit());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Account a && a.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Account[" + username + ", " + privileges + "]";
    }
}
