package dev.hlm.testing;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JDK HttpClients' selector threads alive in this JVM, by name ({@code HttpClient-ID-SelectorManager}): what
 * a test counts to show that code which makes HttpClients of its own also ends them.
 */
public final class SelectorThreads {
    private SelectorThreads() {}

    public static Set<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("HttpClient-") && n.endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    /** The ones alive now and not in {@code before}, after up to 2 s for interrupted ones to end. */
    public static Set<String> leftSince(Set<String> before) throws InterruptedException {
        Set<String> left = alive();
        for (int waited = 0; waited < 200 && !before.containsAll(left); waited++) {
            Thread.sleep(10); // an interrupted selector thread takes a moment to end
            left = alive();
        }
        Set<String> added = new HashSet<>(left);
        added.removeAll(before);
        return added;
    }
}
