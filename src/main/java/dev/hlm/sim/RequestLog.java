package dev.hlm.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last requests a server received, bounded so a long-running simulator cannot grow without end. */
final class RequestLog {
    static final int CAPACITY = 10_000;

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    synchronized void add(RecordedRequest request) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }
}
