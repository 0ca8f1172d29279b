package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hlm.api.CertificateInfo;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.VapiError;
import java.util.Optional;

/**
 * The server answered with a vAPI error. One subclass per error type the HLM operations declare, so callers
 * can catch what they handle; every other type arrives as a plain ApiException with its {@link #errorType()}.
 */
public sealed class ApiException extends HlmException
        permits ApiException.NotFound, ApiException.AlreadyExists, ApiException.InvalidArgument,
                ApiException.InvalidRequest, ApiException.UnverifiedPeer, ApiException.Unauthenticated,
                ApiException.Unauthorized, ApiException.Unsupported, ApiException.ServiceUnavailable {

    /**
     * Message id of the UNSUPPORTED the client raises itself, without sending anything, when the server's
     * version lacks an operation (see {@link HlmClient#about()}).
     */
    public static final String NOT_OFFERED = "dev.hlm.client.operation.not_offered";

    private final int httpStatus;
    private final transient VapiError error;

    protected ApiException(int httpStatus, VapiError error) {
        super(error.errorType() + ": " + error.summary(), null);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    /** The typed exception for an error body. */
    public static ApiException of(int httpStatus, VapiError error) {
        return switch (error.errorType()) {
            case NOT_FOUND -> new NotFound(httpStatus, error);
            case ALREADY_EXISTS -> new AlreadyExists(httpStatus, error);
            case INVALID_ARGUMENT -> new InvalidArgument(httpStatus, error);
            case INVALID_REQUEST -> new InvalidRequest(httpStatus, error);
            case UNVERIFIED_PEER -> new UnverifiedPeer(httpStatus, error);
            case UNAUTHENTICATED -> new Unauthenticated(httpStatus, error);
            case UNAUTHORIZED -> new Unauthorized(httpStatus, error);
            case UNSUPPORTED -> new Unsupported(httpStatus, error);
            case SERVICE_UNAVAILABLE -> new ServiceUnavailable(httpStatus, error);
            default -> new ApiException(httpStatus, error);
        };
    }

    /** UNSUPPORTED raised by the client: the server's version lacks the operation, so it was not sent. */
    static Unsupported notOffered(String message) {
        return new Unsupported(0, VapiError.of(ErrorType.UNSUPPORTED, LocalizableMessage.of(NOT_OFFERED, message)));
    }

    /** True when the client decided this from the server's version, without a request; {@link #httpStatus()} is 0. */
    public boolean raisedByClient() {
        return httpStatus == 0;
    }

    public ErrorType errorType() {
        return error.errorType();
    }

    /** The HTTP status of the answer; 0 when {@link #raisedByClient()}. */
    public int httpStatus() {
        return httpStatus;
    }

    public VapiError error() {
        return error;
    }

    /** The server's first message, in English. */
    public String serverMessage() {
        return error.summary();
    }

    /**
     * The PSC certificate the cloud vCenter saw, when the error carries one: UNVERIFIED_PEER, and
     * INVALID_REQUEST on vSphere 6.7, where a certificate failure had that type.
     */
    public Optional<CertificateInfo> certificateInfo() {
        if (error.data() == null || !error.data().hasNonNull("ssl_thumbprint")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().treeToValue(error.data(), CertificateInfo.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public static final class NotFound extends ApiException {
        NotFound(int s, VapiError e) { super(s, e); }
    }

    public static final class AlreadyExists extends ApiException {
        AlreadyExists(int s, VapiError e) { super(s, e); }
    }

    public static final class InvalidArgument extends ApiException {
        InvalidArgument(int s, VapiError e) { super(s, e); }
    }

    public static final class InvalidRequest extends ApiException {
        InvalidRequest(int s, VapiError e) { super(s, e); }
    }

    public static final class UnverifiedPeer extends ApiException {
        UnverifiedPeer(int s, VapiError e) { super(s, e); }
    }

    public static final class Unauthenticated extends ApiException {
        Unauthenticated(int s, VapiError e) { super(s, e); }
    }

    public static final class Unauthorized extends ApiException {
        Unauthorized(int s, VapiError e) { super(s, e); }
    }

    public static final class Unsupported extends ApiException {
        Unsupported(int s, VapiError e) { super(s, e); }
    }

    public static final class ServiceUnavailable extends ApiException {
        ServiceUnavailable(int s, VapiError e) { super(s, e); }
    }
}
