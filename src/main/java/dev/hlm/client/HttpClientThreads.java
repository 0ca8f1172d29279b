package dev.hlm.client;

import java.net.http.HttpClient;

/**
 * Ends JDK HttpClient selector threads, which Java 17 gives no way to stop: interrupted, such a thread
 * ends its loop and shuts its client down, connections included. Each is named
 * {@code HttpClient-ID-SelectorManager}; the id ends the client's {@code toString}, as the JDK's own tests
 * find it. Where the naming differs, nothing is interrupted and the clients end when collected.
 */
public final class HttpClientThreads {
    private static final String PREFIX = "HttpClient-";
    private static final String SUFFIX = "-SelectorManager";

    private HttpClientThreads() {}

    /** Ends {@code http}'s selector thread, not waiting for it. */
    static void end(HttpClient http) {
        String self = http.toString();
        int open = self.lastIndexOf('(');
        if (open >= 0 && self.endsWith(")")) {
            String name = PREFIX + self.substring(open + 1, self.length() - 1) + SUFFIX;
            interrupt(name, 0);
        }
    }

    /**
     * Ends every HttpClient selector thread in the JVM, waiting up to {@code waitMillis} for each: for a
     * process about to exit, whose clients are done (each thread otherwise holds the exit up to 300 ms).
     */
    public static void endAll(long waitMillis) {
        interrupt(null, waitMillis);
    }

    /** Interrupts the selector thread named {@code name}, or every one when null. */
    private static void interrupt(String name, long waitMillis) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            Thread t = threads[i];
            boolean selector = name == null
                    ? t.getName().startsWith(PREFIX) && t.getName().endsWith(SUFFIX)
                    : t.getName().equals(name);
            if (!selector) {
                continue;
            }
            t.interrupt();
            if (waitMillis > 0) {
                try {
                    t.join(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (name != null) {
                return;
            }
        }
    }
}
