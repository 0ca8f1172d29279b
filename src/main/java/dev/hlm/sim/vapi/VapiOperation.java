package dev.hlm.sim.vapi;

import java.util.List;

/**
 * One vAPI operation and the REST route that does the same work, so a JSON-RPC call can be answered by the
 * route: its method, path (below {@code /api}, with {@code {variables}} taken from the input's fields), its
 * {@code ?action=}, where the REST body comes from, and the vAPI types of the answer.
 *
 * @param action the {@code ?action=} value, or null
 * @param bodyField the input field whose value is the REST body (the create spec), or null when the body is
 *     the input's other fields (none for GET and DELETE)
 * @param output the type of a successful answer
 * @param errorData the structure name of the errors' {@code data} (the certificate of UNVERIFIED_PEER)
 */
public record VapiOperation(
        String serviceId,
        String operationId,
        String method,
        String path,
        String action,
        String bodyField,
        VapiType output,
        String errorData) {

    public static final String DYNAMIC = "vmware.vapi.dynamic_struct";

    /** The input fields that fill the path's variables, in order. */
    public List<String> pathVariables() {
        return List.of(path.substring(1).split("/")).stream()
                .filter(s -> s.startsWith("{") && s.endsWith("}"))
                .map(s -> s.substring(1, s.length() - 1))
                .toList();
    }

    /** Whether the REST call sends a body at all. */
    public boolean hasBody() {
        return !method.equals("GET") && !method.equals("DELETE");
    }
}
