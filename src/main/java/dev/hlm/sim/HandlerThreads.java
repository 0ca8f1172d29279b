package dev.hlm.sim;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that answer one simulated server's requests: up to {@code threads} at once, then up to
 * {@code queued} waiting, then refused; a thread idle for 30 s ends. An idle thread takes the next request.
 * A plain ThreadPoolExecutor with that many core threads starts a new one for each of its first requests even
 * while others sit idle: a fleet of 1,000 simulated clouds then ran about 6,000 threads, and starting or ending
 * a thread costs the JVM in proportion to the threads alive.
 */
final class HandlerThreads extends ThreadPoolExecutor {

    HandlerThreads(String serverName, int threads, int queued) {
        super(0, threads, 30, TimeUnit.SECONDS, new GrowFirstQueue(queued), factory(serverName));
        ((GrowFirstQueue) getQueue()).pool = this;
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
     * Takes a request only when a thread is idle or no more may start: refusing it makes the pool start one.
     * Only the server's one dispatcher thread hands over requests, so the counts cannot change under it but for
     * a thread finishing, which then takes from here.
     */
    private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
        private transient ThreadPoolExecutor pool;

        GrowFirstQueue(int capacity) {
            super(capacity);
        }

        @Override
        public boolean offer(Runnable task) {
            int size = pool.getPoolSize();
            if (pool.getActiveCount() >= size && size < pool.getMaximumPoolSize()) {
                return false;
            }
            return super.offer(task);
        }
    }
}
