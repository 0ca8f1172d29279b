package dev.hlm.sim;

import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.RestError;
import dev.hlm.api.RestRouteNotFound;
import dev.hlm.api.VapiError;
import java.util.Map;

/**
 * Renders results and errors in a flavor's shape (docs/decisions.md B.2, B.4): {@code /api} sends bare values with
 * 200/201/204; {@code /rest} wraps them in {@code {"value": ...}} with 200 and sends no body for void.
 * Every body goes through the project's one Jackson mapper and its wire records.
 */
final class Responses {
    private Responses() {}

    /** A GET result: 200, bare or wrapped. */
    static SimResponse ok(Flavor flavor, Object value) {
        return value(flavor, value, 200);
    }

    /** A create result: 201 in {@code /api}, 200 in {@code /rest}. */
    static SimResponse created(Flavor flavor, Object value) {
        return value(flavor, value, 201);
    }

    /** A void result: 204 in {@code /api}, 200 with no body in {@code /rest}. */
    static SimResponse done(Flavor flavor) {
        return SimResponse.of(flavor == Flavor.REST ? 200 : 204, null);
    }

    private static SimResponse value(Flavor flavor, Object value, int apiStatus) {
        return flavor == Flavor.REST
                ? SimResponse.of(200, Json.write(Map.of("value", value)))
                : SimResponse.of(apiStatus, Json.write(value));
    }

    /** An error: its type's status; {@code /api} the bare error, {@code /rest} {@code {"type","value"}}. */
    static SimResponse error(Flavor flavor, VapiError error) {
        return error(flavor, error, error.errorType().httpStatus());
    }

    /** An error answered with a status of the operation's own, where its spec declares one. */
    static SimResponse error(Flavor flavor, VapiError error, int status) {
        Object body = flavor == Flavor.REST ? RestError.from(error) : error;
        return SimResponse.of(status, Json.write(body));
    }

    /**
     * No such route (decision D13), also for a known path with the wrong method or an action the version
     * lacks: {@code /rest} has its own routing shape; {@code /api} and everything else the NOT_FOUND error.
     */
    static SimResponse routeNotFound(Flavor flavor) {
        if (flavor == Flavor.REST) {
            return SimResponse.of(404, Json.write(RestRouteNotFound.instance()));
        }
        return error(Flavor.API, VapiError.of(ErrorType.NOT_FOUND,
                LocalizableMessage.of(RestRouteNotFound.NAME, "Not found.")));
    }
}
