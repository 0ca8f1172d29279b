package dev.hlm.client;

import java.net.http.HttpClient;

/**
 * Ends a JDK HttpClient's selector thread, which Java 17 gives no way to stop: interrupted, such a thread
 * ends its loop and shuts its client down, connections included. Each is named
 * {@code HttpClient-ID-SelectorManager}; the id ends the client's {@code toString}, as the JDK's own tests
 * find it. Where the naming differs, nothing is interrupted and the client ends when collected.
 */
final class HttpClientThreads {
    private HttpClientThreads() {}

    /** Ends {@code http}'s selector thread, not waiting for it. */
    static void end(HttpClient http) {
        String self = http.toString();
        int open = self.lastIndexOf('(');
        if (open < 0 || !self.endsWith(")")) {
            return;
        }
        String name = "HttpClient-" + self.substring(open + 1, self.length() - 1) + "-SelectorManager";
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().equals(name)) {
                threads[i].interrupt();
                return;
            }
        }
    }
}
