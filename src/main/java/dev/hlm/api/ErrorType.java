package dev.hlm.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.Locale;

/**
 * The standard vAPI error types ({@code com.vmware.vapi.std.errors}), with the HTTP status the vAPI runtime
 * maps each to (docs/decisions.md B.4.1). {@code /api} names them {@code ALREADY_EXISTS}; {@code /rest} names them
 * {@code com.vmware.vapi.std.errors.already_exists}.
 */
public enum ErrorType {
    ERROR(500),
    ALREADY_EXISTS(400),
    ALREADY_IN_DESIRED_STATE(400),
    CANCELED(500),
    CONCURRENT_CHANGE(409),
    FEATURE_IN_USE(400),
    INTERNAL_SERVER_ERROR(500),
    INVALID_ARGUMENT(400),
    INVALID_ELEMENT_CONFIGURATION(400),
    INVALID_ELEMENT_TYPE(400),
    INVALID_REQUEST(400),
    NOT_ALLOWED_IN_CURRENT_STATE(400),
    NOT_FOUND(404),
    OPERATION_NOT_FOUND(404),
    RESOURCE_BUSY(400),
    RESOURCE_IN_USE(400),
    RESOURCE_INACCESSIBLE(400),
    SERVICE_UNAVAILABLE(503),
    TIMED_OUT(504),
    UNABLE_TO_ALLOCATE_RESOURCE(400),
    UNAUTHENTICATED(401),
    UNAUTHORIZED(403),
    UNEXPECTED_INPUT(400),
    UNSUPPORTED(400),
    UNVERIFIED_PEER(400),
    /** A type this client does not know; kept so a newer server's error still decodes. */
    @JsonEnumDefaultValue
    UNKNOWN(500);

    private static final String REST_PREFIX = "com.vmware.vapi.std.errors.";

    private final int httpStatus;

    ErrorType(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The status the server answers with for this type (UNVERIFIED_PEER is 400 for Links.create). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code /rest} {@code type} string, e.g. {@code com.vmware.vapi.std.errors.not_found}. */
    public String restType() {
        return REST_PREFIX + name().toLowerCase(Locale.ROOT);
    }

    /** Reads a {@code /rest} {@code type} string; UNKNOWN for anything else. */
    public static ErrorType fromRestType(String type) {
        if (type == null || !type.startsWith(REST_PREFIX)) {
            return UNKNOWN;
        }
        return fromName(type.substring(REST_PREFIX.length()).toUpperCase(Locale.ROOT));
    }

    /** Reads an {@code /api} {@code error_type} string; UNKNOWN for anything else. */
    public static ErrorType fromName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
