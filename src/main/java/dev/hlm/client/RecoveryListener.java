package dev.hlm.client;

import java.time.Duration;

/**
 * Hears how a client recovers from failures: each repeat of a call, each new login after a session expired,
 * and each look at the links after a change's answer was lost. The library prints nothing itself; a caller
 * such as {@code hlm --verbose} shows these as notes. Every method has an empty default.
 */
public interface RecoveryListener {
    RecoveryListener NONE = new RecoveryListener() {};

    /**
     * The call failed in a way that may pass and repeating it is safe: it is sent again after {@code pause}.
     *
     * @param retry 1 for the first repeat
     * @param retries the most repeats the policy allows
     */
    default void retrying(String operation, int retry, int retries, Duration pause, HlmException cause) {}

    /** The session expired mid-command: the client logs in again and repeats the call, once. */
    default void loggingInAgain(String operation, ApiException cause) {}

    /** A change was sent and its answer lost: the client lists the links to learn whether it happened. */
    default void answerLost(String operation, TransportException cause) {}

    /** What the listing showed, e.g. "the link to vsphere.local was found: link 1234". */
    default void outcomeFound(String operation, String outcome) {}
}
