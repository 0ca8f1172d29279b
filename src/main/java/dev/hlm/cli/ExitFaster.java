package dev.hlm.cli;

import dev.hlm.client.HttpClientThreads;

/**
 * Ends the JDK HTTP clients' selector threads just before the process exits. On Java 17 an
 * {@link java.net.http.HttpClient} cannot be closed, and its selector thread, always waiting in native code,
 * holds every JVM exit up to 300 ms ({@code VM_Exit::wait_for_threads_in_native_to_block}). Closed
 * {@code HlmClient}s end theirs already; this catches any other (the clock check's, say). Only for the
 * command line's own exit: the command is done and its session logged out.
 */
final class ExitFaster {
    private ExitFaster() {}

    static void releaseHttpClientThreads() {
        HttpClientThreads.endAll(100);
    }
}
