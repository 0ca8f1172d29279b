package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The single executor: sends one {@link Operation} in one flavor, repeats it where that is safe
 * ({@link Retrier}), and decodes its answer into the operation's result type, or fails saying where the
 * answer differs from it ({@link AnswerShape}). Every request hlm makes passes here, the session's login and
 * logout included; logging in, renewing an expired session and holding changes back in a dry run are the
 * client's business, one level up ({@link HlmClient}).
 */
final class Calls {
    /** A logout runs on every exit, Ctrl-C included: it must not hold the exit up for long. */
    static final Duration LOGOUT_TIMEOUT = Duration.ofSeconds(3);

    private final Transport transport;
    private final Retrier retrier;
    private final Deadline deadline;
    private final Duration requestTimeout;
    private final Duration linkTimeout;

    Calls(Transport transport, Retrier retrier, Deadline deadline, Duration requestTimeout, Duration linkTimeout) {
        this.transport = transport;
        this.retrier = retrier;
        this.deadline = deadline;
        this.requestTimeout = requestTimeout;
        this.linkTimeout = linkTimeout;
    }

    /**
     * Sends {@code op} in flavor {@code f} and answers its decoded result (null for a void operation).
     *
     * @param session the session to use, asked before each try (a repeat may come after the client closed); not
     *     asked for an operation that carries its own authorization
     */
    <T> T send(Flavor f, Operation<T> op, SessionSource session) {
        return retrier.run(op.name(), op.repeatable(), () -> {
            Map<String, String> authorization = op.authorization().isEmpty()
                    ? Map.of(Paths.SESSION_HEADER, session.token(op.name())) : op.authorization();
            JsonNode answer = transport.send(op, f, authorization, timeout(op.timeout()));
            return op.result() == null ? null : decode(f, op, answer);
        });
    }

    /** Where {@link #send} gets the session's token: it throws when there is none to use any more. */
    @FunctionalInterface
    interface SessionSource {
        String token(String operation);
    }

    private Duration timeout(Operation.Timeout kind) {
        return switch (kind) {
            case REQUEST -> requestTimeout;
            case LINK -> linkTimeout;
            case LOGOUT -> deadline.forLogout(LOGOUT_TIMEOUT);
        };
    }

    @SuppressWarnings("unchecked")
    private <T> T decode(Flavor f, Operation<T> op, JsonNode answer) {
        JsonNode value = Answers.unwrap(f, answer);
        if (op.result().getRawClass() == JsonNode.class) {
            // The caller reads the raw value itself (the login's token: any JSON, checked by the session).
            return (T) value;
        }
        T result;
        try {
            result = (T) Json.mapper().treeToValue(value, op.result());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A success whose result cannot be read: whether and what it did is unknown.
            throw unreadable(op, AnswerShape.mismatch(e), e);
        }
        Optional<String> unusable = AnswerShape.unusable(result);
        if (unusable.isPresent()) {
            throw unreadable(op, unusable.get(), null);
        }
        return result;
    }

    private TransportException unreadable(Operation<?> op, String how, Exception cause) {
        return new TransportException(TransportException.Kind.PROTOCOL, op.name() + ": the answer from "
                + transport.hostPort() + " " + how, cause, TransportException.Delivery.UNKNOWN, true);
    }
}
