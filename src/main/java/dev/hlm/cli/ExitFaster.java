package dev.hlm.cli;

/**
 * Ends the JDK HTTP clients' selector threads just before the process exits. On Java 17 an
 * {@link java.net.http.HttpClient} cannot be closed, and its selector thread, always waiting in native code,
 * holds every JVM exit up to 300 ms ({@code VM_Exit::wait_for_threads_in_native_to_block}). Interrupting it
 * ends its loop at once. Only for the command line's own exit: the command is done and its session logged
 * out, so nothing needs those threads any more.
 */
final class ExitFaster {
    private ExitFaster() {}

    static void releaseHttpClientThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            Thread t = threads[i];
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                t.interrupt();
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
