package dev.hlm.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.Paths;
import java.util.List;

/**
 * A validated create spec (docs/decisions.md B.5.1): what {@code POST .../hvc/links} asks for, read from the bare
 * body ({@code /api}) or from {@code {"spec": ...}} ({@code /rest}).
 *
 * @param sslThumbprint null when not given
 * @param sslCertificate PEM, read only on 9.0 and later (earlier versions do not know the field); else null
 */
record LinkRequest(
        PscAddress psc,
        String domainName,
        String username,
        char[] password,
        String sslThumbprint,
        String sslCertificate,
        List<String> adminGroups) {

    private static final String SPEC = Errors.CREATE_SPEC;

    /** Reads and checks the body; every problem is INVALID_ARGUMENT naming the field. */
    static LinkRequest read(String body, Flavor flavor, ApiVersion version) {
        JsonNode root = JsonBodies.object(body);
        JsonNode spec = flavor == Flavor.REST ? JsonBodies.requiredObject(root, Errors.OPERATION_INPUT, "spec") : root;
        String host = JsonBodies.requiredString(spec, SPEC, "psc_hostname").trim();
        String domain = JsonBodies.requiredString(spec, SPEC, "domain_name").trim();
        String username = JsonBodies.requiredString(spec, SPEC, "username");
        char[] password = JsonBodies.requiredString(spec, SPEC, "password").toCharArray();
        PscAddress psc = new PscAddress(host, port(spec.get("port")));
        try {
            psc.uri("/");
        } catch (IllegalArgumentException e) {
            throw Errors.invalidField(SPEC, "psc_hostname", "\"" + host + "\" is not a host name or IP address");
        }
        String thumbprint = JsonBodies.optionalString(spec, SPEC, "ssl_thumbprint");
        String certificate = version.hasSslCertificate()
                ? JsonBodies.optionalString(spec, SPEC, "ssl_certificate") : null;
        List<String> groups = JsonBodies.groupNames(spec, SPEC, "admin_groups", false);
        return new LinkRequest(psc, domain, username, password, thumbprint, certificate, groups);
    }

    /** Decision D3: a JSON string or number, 1..65535; absent means 443. */
    private static int port(JsonNode value) {
        if (value == null || value.isNull()) {
            return Paths.HTTPS_PORT;
        }
        String text = value.isTextual() ? value.asText().trim() : value.isIntegralNumber() ? value.asText() : null;
        if (text != null && text.matches("\\d{1,5}")) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw Errors.invalidField(SPEC, "port", "must be a port number from 1 to 65535, got " + value);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "LinkRequest[" + psc + ", " + domainName + ", " + username + ", ***]";
    }
}
