package dev.hlm.http;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the JDK HttpClients that hlm's clients, link check's clock reading and the simulator's PSC probes own.
 * They share one pool for their asynchronous work: left to
 * itself each HttpClient makes a pool of its own, so a fleet of a thousand targets would start (and leave idle)
 * a thousand pools' threads. And each has a selector thread, which Java 17 gives no way to stop: {@link #end}
 * interrupts it, which ends its loop and shuts its client down, connections included. Each is named
 * {@code HttpClient-ID-SelectorManager}; the id ends the client's {@code toString}, as the JDK's own tests
 * find it. Where the naming differs, nothing is interrupted and the client ends when collected.
 */
public final class HttpClientThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    /** Daemon threads, made as needed and ended after a minute idle, as the JDK's own default pool. */
    private static final ExecutorService SHARED = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hlm-http-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private HttpClientThreads() {}

    /** The pool every client's HttpClient runs its asynchronous work on. */
    public static ExecutorService shared() {
        return SHARED;
    }

    /** Ends {@code http}'s selector thread, not waiting for it. */
    public static void end(HttpClient http) {
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
