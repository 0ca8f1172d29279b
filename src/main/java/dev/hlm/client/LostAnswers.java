package dev.hlm.client;

import dev.hlm.api.Summary;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settles a change whose answer was lost (connection dropped, timeout, an unreadable answer) by listing the
 * links, instead of sending it again blindly: a repeated create could link twice or fail confusingly, and a
 * repeated delete of a link that is gone answers NOT_FOUND. What the listing shows is the truth reported.
 */
final class LostAnswers {
    private final RecoveryListener listener;
    private final Supplier<List<Summary>> links;

    LostAnswers(RecoveryListener listener, Supplier<List<Summary>> links) {
        this.listener = listener;
        this.links = links;
    }

    /** Sends a create; after a lost answer, a link to the domain means it is linked (whose, the API cannot say). */
    CreatedLink create(String operation, String domainName, Supplier<String> create) {
        try {
            return new CreatedLink(create.get(), false);
        } catch (TransportException lost) {
            rethrowUnlessLost(lost);
            listener.answerLost(operation, lost);
            Optional<Summary> found = listAfter(lost).stream()
                    .filter(l -> domainName.equalsIgnoreCase(l.displayName()))
                    .findFirst();
            if (found.isEmpty()) {
                // After a timeout the vCenter may still be linking: an empty list proves nothing yet.
                throw lost.withOutcome(lost.kind() == TransportException.Kind.TIMEOUT
                        ? "the links were listed and none is to " + domainName + " yet: the outcome is unknown, "
                                + "linking may still be in progress"
                        : "the links were listed and none is to " + domainName + ": not linked");
            }
            listener.outcomeFound(operation, "the link to " + domainName + " was found: link " + found.get().link());
            return new CreatedLink(found.get().link(), true);
        }
    }

    /** Sends an unlink; after a lost answer, the link being gone from the list means it happened. */
    void unlink(String operation, String linkId, Runnable unlink) {
        try {
            unlink.run();
        } catch (TransportException lost) {
            rethrowUnlessLost(lost);
            listener.answerLost(operation, lost);
            if (listAfter(lost).stream().anyMatch(l -> l.link().equals(linkId))) {
                throw lost.withOutcome(lost.kind() == TransportException.Kind.TIMEOUT
                        ? "the links were listed and link " + linkId + " is still there: the outcome is unknown, "
                                + "unlinking may still be in progress"
                        : "the links were listed and link " + linkId + " is still there: not unlinked");
            }
            listener.outcomeFound(operation, "link " + linkId + " is no longer listed: unlinked");
        }
    }

    private static void rethrowUnlessLost(TransportException failure) {
        if (failure.delivery() != TransportException.Delivery.UNKNOWN
                || failure.kind() == TransportException.Kind.INTERRUPTED) {
            throw failure;
        }
    }

    /** When even the listing fails, the outcome is unknown, and the failure says so. */
    private List<Summary> listAfter(TransportException lost) {
        try {
            return links.get();
        } catch (HlmException listing) {
            throw lost.withOutcome("listing the links to learn whether it happened failed too ("
                    + listing.getMessage() + "): the outcome is unknown");
        }
    }
}
