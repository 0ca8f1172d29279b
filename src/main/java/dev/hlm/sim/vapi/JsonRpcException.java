package dev.hlm.sim.vapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC 2.0 protocol error: the request could not be read as a vAPI invocation at all. It is answered
 * with the envelope's {@code error} member (not a vAPI error value), as the runtimes expect; the codes are
 * JSON-RPC's own.
 */
public final class JsonRpcException extends RuntimeException {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;

    private final int code;
    private final transient JsonNode id;

    /** An error before the request's id is known (parse error, invalid request): answered with id null. */
    public JsonRpcException(int code, String detail) {
        this(code, detail, null);
    }

    public JsonRpcException(int code, String detail, JsonNode id) {
        super(detail, null, false, false);
        this.code = code;
        this.id = id;
    }

    /** This error, answering the request with {@code id}. */
    JsonRpcException answering(JsonNode requestId) {
        return new JsonRpcException(code, getMessage(), requestId);
    }

    /** The id to answer with; null for parse errors and invalid requests, which JSON-RPC answers with id null. */
    public JsonNode id() {
        return id;
    }

    public int code() {
        return code;
    }

    /** The standard text of the code, as JSON-RPC 2.0 names it. */
    public String standardMessage() {
        return switch (code) {
            case PARSE_ERROR -> "Parse error.";
            case INVALID_REQUEST -> "Invalid Request.";
            case METHOD_NOT_FOUND -> "Method not found.";
            case INVALID_PARAMS -> "Invalid params.";
            default -> "Server error.";
        };
    }
}
