package dev.hlm.sim.vapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One vAPI call as JSON-RPC carries it: {@code {"jsonrpc": "2.0", "method": "invoke", "id": ..., "params":
 * {"serviceId", "operationId", "input", "ctx": {"appCtx", "securityCtx"}}}}.
 *
 * @param id the request's id, echoed in the answer
 * @param input the operation's input structure as plain JSON (see {@link TypedValues}): its fields by name
 */
public record Invocation(JsonNode id, String serviceId, String operationId, JsonNode input, SecurityContext security) {

    /**
     * The caller's credentials: a user and password ({@value #USER_PASSWORD}, for the login) or a session
     * ({@value #SESSION}); none when the request has no {@code securityCtx}.
     */
    public record SecurityContext(String schemeId, String userName, String password, String sessionId) {
        public static final String USER_PASSWORD = "com.vmware.vapi.std.security.user_pass";
        public static final String SESSION = "com.vmware.vapi.std.security.session_id";
        public static final SecurityContext NONE = new SecurityContext(null, null, null, null);

        public boolean isUserPassword() {
            return USER_PASSWORD.equals(schemeId) && userName != null && password != null;
        }

        public boolean isSession() {
            return SESSION.equals(schemeId) && sessionId != null;
        }

        @Override
        public String toString() {
            return "SecurityContext[" + schemeId + ", " + userName + ", ***]";
        }
    }
}
