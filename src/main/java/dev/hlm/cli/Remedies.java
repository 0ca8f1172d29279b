package dev.hlm.cli;

import static dev.hlm.api.ErrorType.*;

import dev.hlm.api.CertificateInfo;
import dev.hlm.api.ErrorType;
import dev.hlm.client.ApiException;
import dev.hlm.client.TransportException;
import dev.hlm.client.TrustOnFirstUse;
import dev.hlm.tls.Thumbprint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The next step for every failure hlm can print, in one table: a row per vAPI error type (every one of
 * docs/decisions.md B.4.1, and UNKNOWN for types newer than hlm), with extra rows where a command needs a different
 * remedy (UNAUTHORIZED on a change names HLM.Manage, on a read System.Read), and one per transport failure.
 * Commands are named as typed after {@code hlm}: {@code "link create"}.
 */
public final class Remedies {
    /** A row for every command. */
    static final String ANY = "*";

    /** The commands that change the vCenter: they need HLM.Manage. */
    static final Set<String> CHANGES = Set.of("link create", "link delete", "admin add", "admin remove", "admin set");

    private record Row(ErrorType type, Set<String> commands, String remedy) {}

    private static final String MANAGE =
            "this needs the HLM.Manage privilege: log in as cloudadmin or a member of Cloud Administrators";
    private static final String READ =
            "this needs the System.Read privilege: log in as cloudadmin or a user with read access to the vCenter";

    /** First match wins: command-specific rows come before the row for every command. */
    private static final List<Row> API_ROWS = List.of(
            row(ERROR, "link create", "the cloud vCenter could not complete the link: check that it reaches the PSC "
                    + "on its port (VPN or Direct Connect, firewall, DNS); 'hlm link check' tests the way there"),
            row(ERROR, ANY, "the vCenter failed the request: if its message names the PSC, check the network path "
                    + "from the cloud vCenter to it; otherwise retry, and check the vCenter's health"),
            row(ALREADY_EXISTS, "link create", "a cloud vCenter links one on-prem SSO domain: 'hlm link list' shows "
                    + "which (unlink it first with 'hlm link delete LINK'); when none is listed, one is being made: "
                    + "wait, or rerun with --wait"),
            row(ALREADY_EXISTS, ANY, "it exists already: nothing to do; 'hlm link list' and 'hlm admin list' show what is there"),
            row(ALREADY_IN_DESIRED_STATE, ANY, "nothing to change: the vCenter is already as asked"),
            row(CANCELED, ANY, "the vCenter canceled the operation: check the state ('hlm link list', 'hlm admin list'), then rerun"),
            row(CONCURRENT_CHANGE, ANY, "someone changed the same thing at the same time: check the state "
                    + "('hlm link list', 'hlm admin list'), then rerun"),
            row(FEATURE_IN_USE, ANY, "the vCenter uses this elsewhere: finish or undo that first, then rerun"),
            row(INTERNAL_SERVER_ERROR, ANY, "the vCenter hit an internal error: retry in a minute; if it stays, check "
                    + "the vCenter's health (appliance management on port 5480) and its logs"),
            row(INVALID_ARGUMENT, "link create", "check the field the message names: --psc-username and the PSC password, "
                    + "--domain-name (the PSC's SSO domain), --admin-group as group@domain; 'hlm link check' tests each"),
            row(INVALID_ARGUMENT, "link delete", "check the on-prem user and password (--psc-username, HLM_PSC_PASSWORD): "
                    + "the cloud vCenter logs in with them at the linked PSC"),
            row(INVALID_ARGUMENT, Set.of("admin add", "admin remove", "admin set"),
                    "group names must look like group@domain, e.g. vmc-admins@corp.local"),
            row(INVALID_ARGUMENT, ANY, "check the value the message names; --trace shows the request as sent"),
            row(INVALID_ELEMENT_CONFIGURATION, ANY, "the vCenter refused part of the configuration: check the values "
                    + "the message names"),
            row(INVALID_ELEMENT_TYPE, ANY, "a value has a type this vCenter does not accept: check the values given; "
                    + "--trace shows the request as sent"),
            row(INVALID_REQUEST, "link create", "vSphere 6.7 reports an unverifiable PSC certificate this way: pass the PSC's "
                    + "SHA-256 thumbprint with --psc-thumbprint ('hlm link check' shows it)"),
            row(INVALID_REQUEST, ANY, "the vCenter could not accept the request as sent: rerun with --trace to see it"),
            row(NOT_ALLOWED_IN_CURRENT_STATE, ANY, "the vCenter does not allow this right now (a link may be being "
                    + "created or removed): wait, check 'hlm link list', then rerun"),
            row(NOT_FOUND, "link delete", "that link is not there: 'hlm link list' shows the links; --if-exists "
                    + "treats a link that is already gone as done"),
            row(NOT_FOUND, "link get", "there is no link with that id: 'hlm link list' shows the links and their ids"),
            row(NOT_FOUND, ANY, "list the links with 'hlm link list'; a vCenter before 7.0 Update 2 has no /api: "
                    + "try --api-flavor rest"),
            row(OPERATION_NOT_FOUND, ANY, "this vCenter lacks the operation: link health and unlink with credentials "
                    + "need vSphere 8.0 Update 1, /api needs 7.0 Update 2 (else --api-flavor rest)"),
            row(RESOURCE_BUSY, ANY, "the vCenter is busy with another operation: retry in a minute"),
            row(RESOURCE_IN_USE, ANY, "it is in use: release it first (for a link, its users stay until they log out), then rerun"),
            row(RESOURCE_INACCESSIBLE, ANY, "the vCenter cannot reach something it needs, for HLM usually the PSC: "
                    + "check the network path from the cloud vCenter to the PSC ('hlm link check')"),
            row(SERVICE_UNAVAILABLE, ANY, "the vCenter service is restarting or overloaded: try again in a minute"),
            row(TIMED_OUT, "link create", "the vCenter timed out; the link may still be made: check 'hlm link list' "
                    + "before you run create again"),
            row(TIMED_OUT, ANY, "the vCenter timed out: check the state ('hlm link list', 'hlm admin list'), then rerun"),
            row(UNABLE_TO_ALLOCATE_RESOURCE, ANY, "the vCenter is short of resources: retry later, and check its health"),
            row(UNAUTHENTICATED, ANY, "check the user name and password (HLM_USERNAME, HLM_PASSWORD); sessions end "
                    + "after 30 idle minutes, and clocks more than 10 minutes apart break logins"),
            row(UNAUTHORIZED, CHANGES, MANAGE),
            row(UNAUTHORIZED, ANY, READ),
            row(UNEXPECTED_INPUT, ANY, "the vCenter does not know a field hlm sent, so it is older than expected: "
                    + "try --api-flavor rest, and --trace to see the request"),
            row(UNSUPPORTED, "link create", "the on-prem vCenter (PSC) is older than Hybrid Linked Mode supports: "
                    + "upgrade it to 6.7 or later; 'hlm link check' shows its version"),
            row(UNSUPPORTED, ANY, "this vCenter does not support the operation: check its version ('hlm link check')"),
            row(UNVERIFIED_PEER, ANY, "the cloud vCenter could not verify the PSC certificate: pass its SHA-256 "
                    + "thumbprint with --psc-thumbprint ('hlm link check' shows it)"),
            row(UNKNOWN, ANY, "the vCenter answered with an error type hlm does not know: read its message, and "
                    + "rerun with --trace for the whole answer"));

    private static final Map<TransportException.Kind, String> TRANSPORT_ROWS = transportRows();

    private Remedies() {}

    private static Row row(ErrorType type, String command, String remedy) {
        return new Row(type, Set.of(command), remedy);
    }

    private static Row row(ErrorType type, Set<String> commands, String remedy) {
        return new Row(type, commands, remedy);
    }

    private static Map<TransportException.Kind, String> transportRows() {
        Map<TransportException.Kind, String> rows = new EnumMap<>(TransportException.Kind.class);
        rows.put(TransportException.Kind.CONNECT,
                "check the host name and port, and that a firewall or VPN lets you reach it");
        rows.put(TransportException.Kind.TLS_UNTRUSTED, "rerun with --ca-cert FILE or --thumbprint SHA256");
        rows.put(TransportException.Kind.TLS_CHANGED, TrustHints.CHANGED);
        rows.put(TransportException.Kind.TLS, "the server's TLS setup is not compatible; is it a vCenter HTTPS port?");
        rows.put(TransportException.Kind.TIMEOUT,
                "the server did not answer in time: check the network path, or raise --timeout "
                        + "(--link-timeout for link create and delete, --connect-timeout to connect)");
        rows.put(TransportException.Kind.PROTOCOL,
                "is this the vCenter (or Cloud Gateway) API address? try --trace to see the answer");
        rows.put(TransportException.Kind.INTERRUPTED,
                "hlm was stopped before the answer came: check the state ('hlm link list', 'hlm admin list') before rerunning");
        return rows;
    }

    /**
     * The next step after the server refused. A certificate the cloud vCenter could not verify comes with the
     * thumbprint it saw, so the remedy names it.
     *
     * @param command as typed after {@code hlm}, e.g. {@code "link create"}; null for any
     */
    public static String forApi(ApiException e, String command) {
        Optional<CertificateInfo> cert = e.certificateInfo();
        if (cert.isPresent()) {
            return "the PSC presented SHA-256 " + cert.get().sslThumbprint()
                    + "; if that is your PSC's certificate, rerun with --psc-thumbprint " + cert.get().sslThumbprint();
        }
        if (e.raisedByClient()) {
            return "'hlm about' shows the server's version and the operations it offers";
        }
        if (e.errorType() == INVALID_ARGUMENT && "link create".equals(command)) {
            String options = optionsNamedBy(e.serverMessage());
            if (!options.isEmpty()) {
                return "check " + options + "; 'hlm link check' tests each";
            }
        }
        return forType(e.errorType(), command);
    }

    /**
     * The create spec's fields as a user gives them: the cloud vCenter's message names the wire field
     * ({@code psc_hostname}), the user knows the option ({@code --psc-hostname}).
     */
    private static final Map<String, String> CREATE_FIELDS = createFields();

    private static Map<String, String> createFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("psc_hostname", "--psc-hostname (HLM_PSC_HOSTNAME), the PSC's host name or IP address as the "
                + "cloud vCenter reaches it");
        fields.put("port", "--psc-port (HLM_PSC_PORT)");
        fields.put("domain_name", "--domain-name (HLM_DOMAIN_NAME), the PSC's SSO domain");
        fields.put("username", "--psc-username (HLM_PSC_USERNAME)");
        fields.put("password", "the PSC password (HLM_PSC_PASSWORD, --psc-password-file)");
        fields.put("ssl_thumbprint", "--psc-thumbprint (HLM_PSC_THUMBPRINT)");
        fields.put("ssl_certificate", "--psc-certificate");
        fields.put("admin_groups", "--admin-group, as group@domain");
        return fields;
    }

    /** The options behind the create fields {@code message} names, in the spec's order; empty for none. */
    static String optionsNamedBy(String message) {
        List<String> options = new ArrayList<>();
        CREATE_FIELDS.forEach((field, option) -> {
            if (message != null && Pattern.compile("(?<![\\w.])" + field + "(?!\\w)").matcher(message).find()) {
                options.add(option);
            }
        });
        return String.join("; ", options);
    }

    /** The table's remedy for an error type on a command; never null. */
    public static String forType(ErrorType type, String command) {
        for (Row row : API_ROWS) {
            if (row.type() == type
                    && (row.commands().contains(ANY) || (command != null && row.commands().contains(command)))) {
                return row.remedy();
            }
        }
        throw new IllegalStateException("no remedy for " + type); // guarded by a test over every type
    }

    /** The next step after hlm could not talk to the server; an untrusted certificate's thumbprint is named. */
    public static String forTransport(TransportException e) {
        if (e.outcomeChecked()) {
            return "linking and unlinking take minutes on a real vCenter: check with 'hlm link list' before trying again";
        }
        if (e.kind() == TransportException.Kind.CONNECT && e.delivery() == TransportException.Delivery.UNKNOWN) {
            return "the connection broke before the answer came (a proxy, the VPN, or the vCenter restarting): "
                    + "try again; hlm repeats reads itself (--retries)";
        }
        if (e.trustFailure().orElse(null) instanceof TrustOnFirstUse.Declined declined) {
            return "if the certificate turns out to be the vCenter's (compare it with 'hlm thumbprint "
                    + declined.server() + "' from a trusted network), run again and answer y, or pass --thumbprint "
                    + Thumbprint.sha256(e.serverCertificate().orElseThrow()) + " or --ca-cert FILE";
        }
        if (e.kind() == TransportException.Kind.TLS_UNTRUSTED && e.serverCertificate().isPresent()) {
            String sha256 = Thumbprint.sha256(e.serverCertificate().get()).toString();
            return "the server presented SHA-256 " + sha256 + "; if you trust it, rerun with --thumbprint " + sha256
                    + " (or --ca-cert FILE with its CA)" + TrustHints.firstUse(e);
        }
        if (e.kind() == TransportException.Kind.TLS_CHANGED) {
            return TrustHints.changed(e);
        }
        return TRANSPORT_ROWS.get(e.kind());
    }

    /** The command that removes a link, for remedies that ask for it. */
    public static String unlinkCommand(String linkId) {
        return "hlm link delete " + linkId;
    }
}
