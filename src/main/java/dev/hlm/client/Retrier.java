package dev.hlm.client;

import dev.hlm.api.ErrorType;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Runs one call, repeating it with growing pauses while it fails in a way that may pass and repeating is
 * safe: always when the request never reached the server or was refused with 503 (SERVICE_UNAVAILABLE means
 * not carried out), and after a lost or unreadable answer only when the call is repeatable.
 */
final class Retrier {
    private final RetryPolicy policy;
    private final RecoveryListener listener;
    private final Deadline deadline;
    private final Random jitter = new Random();

    Retrier(RetryPolicy policy, RecoveryListener listener, Deadline deadline) {
        this.policy = policy;
        this.listener = listener;
        this.deadline = deadline;
    }

    <T> T run(String operation, boolean repeatable, Supplier<T> call) {
        for (int retry = 1; ; retry++) {
            try {
                return call.get();
            } catch (HlmException failure) {
                if (retry > policy.retries() || !mayRepeat(failure, repeatable)) {
                    throw failure;
                }
                Duration pause;
                synchronized (jitter) {
                    pause = policy.pause(retry, jitter);
                }
                if (!deadline.allowsPause(pause)) {
                    // The repeat could not end in time: the failure stands, and says why it was not repeated.
                    throw failure instanceof TransportException t
                            ? t.notRepeated("not repeated: " + deadline.describe() + " leaves no time for it") : failure;
                }
                listener.retrying(operation, retry, policy.retries(), pause, failure);
                sleep(operation, pause);
            }
        }
    }

    static boolean mayRepeat(HlmException failure, boolean repeatable) {
        if (failure instanceof ApiException api) {
            return api.errorType() == ErrorType.SERVICE_UNAVAILABLE;
        }
        TransportException t = (TransportException) failure;
        if (!t.isTransient() || t.kind() == TransportException.Kind.INTERRUPTED) {
            return false;
        }
        return t.delivery() == TransportException.Delivery.NOT_SENT || repeatable;
    }

    private static void sleep(String operation, Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.INTERRUPTED, operation + ": interrupted", e,
                    TransportException.Delivery.NOT_SENT, false);
        }
    }
}
