package dev.hlm.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.CertificateInfo;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.VapiError;
import java.util.List;

/**
 * Every refusal the simulator answers with, in one place. Message ids and texts are inferred where the
 * contract gives none (docs/decisions.md B.11, B.13); each names the field or the privilege at fault, so a client
 * can show the user what to fix.
 */
final class Errors {
    static final String CREATE_SPEC = "com.vmware.vcenter.hvc.links.create_spec";
    static final String OPERATION_INPUT = "operation-input";
    static final String CHALLENGE = "Basic realm=\"VAPI endpoint\"";

    private Errors() {}

    private static ApiFailure failure(ErrorType type, String id, String text, String... args) {
        return new ApiFailure(VapiError.of(type, LocalizableMessage.of(id, text, args)));
    }

    // --- sessions and access -------------------------------------------------------------------

    /** No, unknown or expired session (docs/decisions.md B.13 #9); the /api body carries the challenge. */
    static ApiFailure authenticationRequired() {
        return challenge(LocalizableMessage.of("com.vmware.vapi.endpoint.method.authentication.required",
                "Authentication required."));
    }

    /** A login whose user name or password is wrong. */
    static ApiFailure loginRefused() {
        return challenge(LocalizableMessage.of("com.vmware.vapi.endpoint.failedToLoginWithInvalidCredentials",
                "Unable to authenticate user: the user name or password is incorrect."));
    }

    private static ApiFailure challenge(LocalizableMessage message) {
        return new ApiFailure(new VapiError(ErrorType.UNAUTHENTICATED, List.of(message), null, CHALLENGE));
    }

    static ApiFailure missingPrivilege(String user, Privilege privilege) {
        return failure(ErrorType.UNAUTHORIZED, "vapi.security.authorization.invalid",
                "Permission denied: user " + user + " lacks the privilege " + privilege.id()
                        + " that this operation requires.",
                user, privilege.id());
    }

    // --- routing and input ----------------------------------------------------------------------

    static ApiFailure bodyTooLarge(long limit) {
        return failure(ErrorType.INVALID_ARGUMENT, "com.vmware.vapi.rest.requestBodyTooLarge",
                "The request body is larger than " + limit + " bytes.", Long.toString(limit));
    }

    static ApiFailure notJson(String reason) {
        return failure(ErrorType.INVALID_ARGUMENT, "vapi.json.parse.error",
                "The request body is not valid JSON: " + reason, reason);
    }

    /** The vAPI runtime's message for a required field that is absent (docs/decisions.md B.13 #10). */
    static ApiFailure missingField(String structure, String field) {
        return failure(ErrorType.INVALID_ARGUMENT, "vapi.data.structure.field.missing",
                "Structure " + structure + " is missing a field \"" + field + "\"", structure, field);
    }

    static ApiFailure invalidField(String structure, String field, String why) {
        return failure(ErrorType.INVALID_ARGUMENT, "vapi.data.structure.field.invalid",
                "Field \"" + field + "\" of structure " + structure + " is invalid: " + why, structure, field, why);
    }

    static ApiFailure invalidGroupName(String field, String name) {
        return failure(ErrorType.INVALID_ARGUMENT, "com.vmware.vcenter.hvc.management.administrators.invalid_name",
                field + ": group name \"" + name + "\" must have the form group@domain, without control or invisible "
                        + "characters or blanks next to '@' or in the domain.", field, name);
    }

    // --- links ----------------------------------------------------------------------------------

    static ApiFailure linkNotFound(String id) {
        return failure(ErrorType.NOT_FOUND, "com.vmware.vcenter.hvc.links.not_found",
                "Link " + id + " not found.", id);
    }

    /** Decision D5: one on-prem SSO domain per cloud vCenter. */
    static ApiFailure alreadyLinked(String domain, boolean inProgress) {
        String text = inProgress
                ? "A link to the SSO domain " + domain + " is being created; only one domain can be linked."
                : "This vCenter is already linked to the SSO domain " + domain + "; only one domain can be linked.";
        return failure(ErrorType.ALREADY_EXISTS, "com.vmware.vcenter.hvc.links.already_exists", text, domain);
    }

    static ApiFailure pscUnreachable(PscAddress psc, String reason) {
        return failure(ErrorType.ERROR, "com.vmware.vcenter.hvc.links.psc.unreachable",
                "Cannot connect to the PSC at " + psc.display() + ": " + reason, psc.display(), reason);
    }

    /**
     * The PSC's certificate is not the one the caller vouched for (decision D6): UNVERIFIED_PEER, INVALID_REQUEST
     * on 6.7, with the certificate seen as data so the caller can check it and resubmit.
     */
    static ApiFailure unverifiedPeer(ApiVersion version, PscAddress psc, CertificateInfo seen, String detail) {
        JsonNode data = Json.mapper().valueToTree(seen);
        List<LocalizableMessage> messages = List.of(
                LocalizableMessage.of("com.vmware.vcenter.hvc.links.unverified.peer",
                        "Unable to verify the SSL certificate of " + psc.host() + ".", psc.host()),
                LocalizableMessage.of("com.vmware.vcenter.hvc.links.unverified.peer.detail", detail));
        return new ApiFailure(new VapiError(version.certificateErrorType(), messages, data, null));
    }

    /** The on-prem side is older than HLM supports (docs/decisions.md B.6.1: "foreign PSC or VC version not supported"). */
    static ApiFailure unsupportedPscVersion(PscAddress psc, String version, String minimum) {
        return failure(ErrorType.UNSUPPORTED, "com.vmware.vcenter.hvc.links.psc.unsupported_version",
                "The PSC at " + psc.display() + " runs version " + version + "; Hybrid Linked Mode needs "
                        + minimum + " or later.",
                psc.display(), version, minimum);
    }

    static ApiFailure pscLoginRefused(PscAddress psc, String username) {
        return failure(ErrorType.INVALID_ARGUMENT, "com.vmware.vcenter.hvc.links.psc.login_failed",
                "The PSC at " + psc.display() + " refused the username \"" + username
                        + "\" with the password given: check username and password.",
                psc.display(), username);
    }

    static ApiFailure wrongDomain(PscAddress psc, String given, String actual) {
        return failure(ErrorType.INVALID_ARGUMENT, "com.vmware.vcenter.hvc.links.domain_name.mismatch",
                "domain_name \"" + given + "\" is not the SSO domain of the PSC at " + psc.display()
                        + ", which is \"" + actual + "\".",
                given, actual);
    }

    static ApiFailure credentialsRefused(PscAddress psc, String userName) {
        return failure(ErrorType.INVALID_ARGUMENT, "com.vmware.vcenter.hvc.links.credentials.invalid",
                "The PSC at " + psc.display() + " refused the credentials (credentials.user_name \"" + userName
                        + "\"): check user_name and password.",
                psc.display(), userName);
    }

    /** A sync start while that provider's session runs (docs/decisions.md B.8: ResourceBusy). */
    static ApiFailure syncRunning(String link, String provider) {
        return failure(ErrorType.RESOURCE_BUSY, "com.vmware.vcenter.hvc.links.sync.providers.busy",
                "A sync of provider " + provider + " of link " + link + " is running; start it again when it completes.",
                provider, link);
    }

    static ApiFailure syncProviderNotFound(String provider) {
        return failure(ErrorType.NOT_FOUND, "com.vmware.vcenter.hvc.links.sync.providers.not_found",
                "Sync provider " + provider + " not found.", provider);
    }

    static ApiFailure interrupted() {
        return failure(ErrorType.ERROR, "com.vmware.vcenter.hvc.links.interrupted",
                "The operation was interrupted because the server is stopping.");
    }

    /** A bug in the simulator: answered as a vAPI ERROR, never with a stack trace. */
    static VapiError internal() {
        return VapiError.of(ErrorType.ERROR, LocalizableMessage.of("com.vmware.vapi.std.errors.internal",
                "Internal error in the simulator; see its log."));
    }
}
