package dev.hlm.sim;

import java.security.SecureRandom;

/** Random default passwords: the simulator ships no built-in secret. */
final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    private static final String LETTERS_AND_DIGITS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * 16 letters and digits (95 random bits). Nothing else: a password that starts with '-' is taken for an
     * option by tools that read it as an argument, such as the original script's {@code -p}.
     */
    static char[] random() {
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = LETTERS_AND_DIGITS.charAt(RANDOM.nextInt(LETTERS_AND_DIGITS.length()));
        }
        return password;
    }

    /** A session token: 32 lower-case hex characters, like vCenter's. */
    static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
