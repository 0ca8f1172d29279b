package dev.hlm.sim;

import java.security.SecureRandom;
import java.util.Base64;

/** Random default passwords: the simulator ships no built-in secret. */
final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    /** 16 URL-safe characters (96 random bits). */
    static char[] random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /** A session token: 32 lower-case hex characters, like vCenter's. */
    static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
