package dev.hlm.sim;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that answer one simulated server's requests: up to {@code threads} at once, then up to
 * {@code queued} waiting, then refused; a thread idle for 30 s ends. A thread waiting for work takes the next
 * request; when none is waiting, another starts, up to the limit. A plain ThreadPoolExecutor with that many core
 * threads starts a new one for each of its first requests even while others sit idle: a fleet of 1,000
 * simulated clouds then ran about 6,000 threads, and starting or ending a thread costs the JVM in proportion to
 * the threads alive.
 */
final class HandlerThreads extends ThreadPoolExecutor {

    HandlerThreads(String serverName, int threads, int queued) {
        super(0, threads, 30, TimeUnit.SECONDS, new HandOverQueue(queued), factory(serverName));
        ((HandOverQueue) getQueue()).pool = this;
    }

    private static ThreadFactory factory(String serverName) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "hlm-sim-" + serverName.replace(' ', '-') + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Hands a request straight to a thread that is waiting for one; else refuses it while the pool may grow,
     * which makes the pool start a thread for it; else keeps it, up to its capacity. Counting idle threads instead
     * would be wrong for a moment whenever a thread has not yet taken what it was given, or is ending. Only the
     * server's one dispatcher thread hands over requests, so the capacity check cannot race another offer.
     */
    private static final class HandOverQueue extends LinkedTransferQueue<Runnable> {
        private final int capacity;
        private transient ThreadPoolExecutor pool;

        HandOverQueue(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public boolean offer(Runnable task) {
            if (tryTransfer(task)) {
                return true;
            }
            if (pool.getPoolSize() < pool.getMaximumPoolSize()) {
                return false;
            }
            return size() < capacity && super.offer(task);
        }

        @Override
        public int remainingCapacity() {
            return Math.max(0, capacity - size());
        }
    }
}
