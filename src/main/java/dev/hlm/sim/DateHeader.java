package dev.hlm.sim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Replaces the value of the {@code Date} header in an HTTP/1.1 response head. The JDK's HttpServer always
 * sets {@code Date} to the real time itself ({@code sun.net.httpserver.ExchangeImpl.sendResponseHeaders}
 * overwrites whatever a handler put there), so the only way to show a skewed clock (decision D14) is to
 * rewrite the head on its way out; see {@link SimTls}.
 */
final class DateHeader {
    /** The IMF-fixdate form HTTP uses; fixed length (29 characters), like the JDK's own. */
    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final byte[] STATUS_PREFIX = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);

    private DateHeader() {}

    static String now(Clock clock) {
        return FORMAT.format(clock.instant());
    }

    /**
     * The response head with its Date value set to {@code clock}'s time, or null when {@code bytes} does not
     * start a response head with a Date header, or the new value would change the length (the caller relies
     * on the length staying the same).
     */
    static byte[] rewrite(byte[] bytes, Clock clock) {
        if (!startsWith(bytes, STATUS_PREFIX)) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String head = (headEnd < 0 ? text : text.substring(0, headEnd)).toLowerCase(Locale.ROOT);
        int name = head.indexOf("\r\ndate:");
        if (name < 0) {
            return null;
        }
        int start = name + "\r\ndate:".length();
        while (start < head.length() && head.charAt(start) == ' ') {
            start++;
        }
        int end = text.indexOf("\r\n", start);
        String value = now(clock);
        if (end < 0 || end - start != value.length()) {
            return null;
        }
        byte[] result = bytes.clone();
        System.arraycopy(value.getBytes(StandardCharsets.US_ASCII), 0, result, start, value.length());
        return result;
    }

    /** A cheap test before copying a buffer: does it begin with a status line? */
    static boolean startsResponseHead(java.nio.ByteBuffer buffer) {
        if (buffer.remaining() < STATUS_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < STATUS_PREFIX.length; i++) {
            if (buffer.get(buffer.position() + i) != STATUS_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
