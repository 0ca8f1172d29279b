package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A simulated server's request threads: reused while idle, more only while all are busy, then a queue. */
class HandlerThreadsTest {
    private final HandlerThreads pool = new HandlerThreads("cloud vCenter", 2, 1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void requestsOneAfterAnotherAreAnsweredByOneThread() throws Exception {
        for (int i = 0; i < 5; i++) {
            pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
            waitUntilIdle();
        }

        assertThat(pool.getLargestPoolSize()).isEqualTo(1);
    }

    /** Two requests at once reach an idle pool's one thread: the second must not wait behind the first. */
    @Test
    void requestsThatArriveTogetherRunTogetherThoughOneThreadWasIdle() throws Exception {
        pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
        waitUntilIdle();
        CountDownLatch bothRunning = new CountDownLatch(2);

        pool.execute(busyUntilReleased(bothRunning));
        pool.execute(busyUntilReleased(bothRunning));

        assertThat(bothRunning.await(5, TimeUnit.SECONDS)).as("both requests running").isTrue();
    }

    @Test
    void aRequestWhileEveryThreadIsBusyStartsAnotherUpToTheLimitThenWaitsThenIsRefused() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        pool.execute(busyUntilReleased(started));
        pool.execute(busyUntilReleased(started));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.getPoolSize()).isEqualTo(2);

        CountDownLatch queuedRan = new CountDownLatch(1);
        pool.execute(queuedRan::countDown);
        assertThat(pool.getQueue()).hasSize(1);
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);

        release.countDown();
        assertThat(queuedRan.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.getLargestPoolSize()).isEqualTo(2);
    }

    @Test
    void itsThreadsAreDaemonsNamedAfterTheServer() throws Exception {
        Thread[] seen = new Thread[1];
        pool.submit(() -> seen[0] = Thread.currentThread()).get(5, TimeUnit.SECONDS);

        assertThat(seen[0].isDaemon()).isTrue();
        assertThat(seen[0].getName()).isEqualTo("hlm-sim-cloud-vCenter-1");
    }

    /** A request that says it started, then holds its thread until the test ends. */
    private Runnable busyUntilReleased(CountDownLatch started) {
        return () -> {
            started.countDown();
            awaitRelease();
        };
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until the pool's thread is back waiting for the next request, as between a client's requests. */
    private void waitUntilIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        TransferQueue<Runnable> queue = (TransferQueue<Runnable>) pool.getQueue();
        while (!queue.hasWaitingConsumer() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
