package dev.hlm.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Json;
import dev.hlm.api.SyncStage;
import dev.hlm.api.SyncStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The apiexplorer's schemas (Swagger 2.0 definitions) of one simulated version, field for field the wire model
 * of docs/decisions.md B.5 and B.4: {@code ssl_certificate} only from 9.0, the {@code /api} error and the
 * {@code /rest} one. {@link ExplorerCatalog} refers to them by name.
 */
final class ExplorerSchemas {
    static final String CREATE_SPEC = "HvcLinksCreateSpec";
    static final String REST_CREATE = "HvcLinksCreateRequestBody";
    static final String SUMMARY = "HvcLinksSummary";
    static final String INFO = "HvcLinksInfo";
    static final String CERTIFICATE_INFO = "HvcLinksCertificateInfo";
    static final String DELETE_WITH_CREDENTIALS = "HvcLinksDeleteWithCredentialsRequestBody";
    static final String ADMINISTRATORS_CHANGE = "HvcManagementAdministratorsAddRequestBody";
    static final String ADMINISTRATORS_SET = "HvcManagementAdministratorsSetRequestBody";
    static final String SYNC_PROVIDER = "HvcLinksSyncProvidersSummary";
    static final String SYNC_PROVIDER_INFO = "HvcLinksSyncProvidersInfo";
    static final String SESSION_INFO = "CisSessionInfo";
    static final String VERSION_INFO = "ApplianceSystemVersionInfo";
    static final String API_ERROR = "Error";
    static final String REST_ERROR = "RestError";

    private static final String STRING = "{\"type\": \"string\"}";
    private static final String MESSAGE = """
            {"type": "object", "required": ["id", "default_message", "args"],
             "description": "A message with its id and arguments, for translation.",
             "properties": {"id": {"type": "string"}, "default_message": {"type": "string"},
               "args": {"type": "array", "items": {"type": "string"}},
               "params": {"type": "object"}, "localized": {"type": "string"}}}""";
    private static final String MESSAGES = "{\"type\": \"array\", \"items\": " + MESSAGE + "}";

    private ExplorerSchemas() {}

    static Map<String, JsonNode> forVersion(ApiVersion version) {
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        ObjectNode spec = object("""
                {"type": "object", "required": ["psc_hostname", "domain_name", "username", "password"],
                 "description": "What to link: the on-prem PSC, its SSO domain and an administrator of it.",
                 "properties": {
                   "psc_hostname": {"type": "string", "description": "Host name or IP address of the on-prem PSC."},
                   "port": {"type": "string", "description": "Its HTTPS port, as a string; absent means 443."},
                   "domain_name": {"type": "string", "description": "The PSC's SSO domain, e.g. vsphere.local."},
                   "username": {"type": "string", "description": "An SSO administrator of that domain."},
                   "password": {"type": "string", "format": "password", "description": "Its password."},
                   "ssl_thumbprint": {"type": "string",
                     "description": "SHA-256 thumbprint of the PSC's certificate, as UNVERIFIED_PEER reports it."},
                   "admin_groups": {"type": "array", "uniqueItems": true, "items": {"type": "string"},
                     "description": "On-prem groups (group@domain) to make cloud administrators."}}}""");
        ObjectNode certificate = object("""
                {"type": "object", "required": ["ssl_thumbprint"],
                 "description": "The PSC's certificate as the cloud vCenter saw it.",
                 "properties": {"ssl_thumbprint": {"type": "string", "description": "SHA-256, colon-separated."}}}""");
        if (version.hasSslCertificate()) {
            ObjectNode pem = object("{\"type\": \"string\", \"description\": \"The PSC's certificate, PEM.\"}");
            ((ObjectNode) spec.get("properties")).set("ssl_certificate", pem);
            ((ObjectNode) certificate.get("properties")).set("ssl_certificate", pem);
            ((ObjectNode) spec.get("properties").get("ssl_thumbprint")).put("description",
                    "Deprecated in 9.0 (use ssl_certificate): SHA-256 thumbprint of the PSC's certificate.");
        }
        definitions.put(CREATE_SPEC, spec);
        definitions.put(REST_CREATE, object("{\"type\": \"object\", \"required\": [\"spec\"], \"properties\": {\"spec\": "
                + ref(CREATE_SPEC) + "}}"));
        definitions.put(CERTIFICATE_INFO, certificate);
        definitions.put(SUMMARY, object("""
                {"type": "object", "required": ["link", "display_name"],
                 "properties": {"link": {"type": "string", "description": "The link's identifier."},
                   "display_name": {"type": "string", "description": "The linked SSO domain."}}}"""));
        if (version.hasLinkGet()) {
            definitions.put(INFO, object("""
                    {"type": "object",
                     "properties": {"connection_health_status": {"type": "string", "enum": ["HEALTHY", "UNHEALTHY"]},
                       "health_status_message": %s}}""".formatted(MESSAGE)));
        }
        if (version.hasDeleteWithCredentials()) {
            definitions.put(DELETE_WITH_CREDENTIALS, object("""
                    {"type": "object", "required": ["credentials"],
                     "properties": {"credentials": {"type": "object", "required": ["user_name", "password"],
                       "description": "An SSO administrator of the linked on-prem domain.",
                       "properties": {"user_name": {"type": "string"},
                         "password": {"type": "string", "format": "password"}}}}}"""));
        }
        if (version.hasSync()) {
            definitions.put(SYNC_PROVIDER, object("""
                    {"type": "object", "required": ["provider"],
                     "properties": {"provider": {"type": "string", "description": "e.g. identity, tagging, trust."}}}"""));
            String stages = names(SyncStage.values());
            definitions.put(SYNC_PROVIDER_INFO, object("""
                    {"type": "object", "required": ["status", "polling_interval_in_seconds"],
                     "properties": {"last_sync_time": {"type": "string", "format": "date-time"},
                       "status": {"type": "string", "enum": %s},
                       "polling_interval_in_seconds": {"type": "integer", "format": "int64"},
                       "current_session_info": {"type": "object", "required": ["stage", "start_time"],
                         "properties": {"stage": {"type": "string", "enum": %s},
                           "completed_work": {"type": "integer", "format": "int64"},
                           "total_work": {"type": "integer", "format": "int64"},
                           "completion_time": {"type": "string", "format": "date-time"},
                           "start_time": {"type": "string", "format": "date-time"}, "exception": %s}},
                       "status_message": %s}}""".formatted(names(SyncStatus.values()), stages, MESSAGE, MESSAGE)));
        }
        definitions.put(ADMINISTRATORS_CHANGE, object("""
                {"type": "object", "required": ["group_name"],
                 "properties": {"group_name": {"type": "string", "description": "A group, group@domain."}}}"""));
        definitions.put(ADMINISTRATORS_SET, object("""
                {"type": "object", "required": ["group_names"],
                 "properties": {"group_names": {"type": "array", "uniqueItems": true, "items": {"type": "string"},
                   "description": "All administrator groups, group@domain; replaces the present ones."}}}"""));
        definitions.put(SESSION_INFO, object("""
                {"type": "object", "required": ["user", "created_time", "last_accessed_time"],
                 "properties": {"user": {"type": "string"}, "created_time": {"type": "string", "format": "date-time"},
                   "last_accessed_time": {"type": "string", "format": "date-time"}}}"""));
        definitions.put(VERSION_INFO, object("""
                {"type": "object",
                 "required": ["version", "product", "build", "type", "summary", "releasedate", "install_time"],
                 "properties": {"version": %1$s, "product": %1$s, "build": %1$s, "type": %1$s, "summary": %1$s,
                   "releasedate": %1$s, "install_time": %1$s}}""".formatted(STRING)));
        String types = names(ErrorType.values());
        definitions.put(API_ERROR, object("""
                {"type": "object", "required": ["error_type", "messages"],
                 "properties": {"error_type": {"type": "string", "enum": %s}, "messages": %s,
                   "data": {"type": "object", "description": "Details of the error, e.g. the certificate seen."},
                   "challenge": {"type": "string", "description": "How to authenticate, with UNAUTHENTICATED."}}}"""
                .formatted(types, MESSAGES)));
        definitions.put(REST_ERROR, object("""
                {"type": "object", "required": ["type", "value"],
                 "properties": {"type": {"type": "string", "description": "e.g. com.vmware.vapi.std.errors.not_found"},
                   "value": {"type": "object", "required": ["messages"],
                     "properties": {"messages": %s, "data": {"type": "object"}}}}}""".formatted(MESSAGES)));
        return definitions;
    }

    /** A JSON array of the constants' names, for an {@code enum}: the schema follows the wire model's enum. */
    private static String names(Enum<?>[] constants) {
        return Json.write(Arrays.stream(constants).map(Enum::name).toList());
    }

    static ObjectNode ref(String definition) {
        return Json.mapper().createObjectNode().put("$ref", "#/definitions/" + definition);
    }

    /** {@code {"value": schema}}: a {@code /rest} result. */
    static ObjectNode wrapped(JsonNode schema) {
        ObjectNode wrapper = object("{\"type\": \"object\", \"required\": [\"value\"], \"properties\": {}}");
        ((ObjectNode) wrapper.get("properties")).set("value", schema);
        return wrapper;
    }

    static ObjectNode string() {
        return object(STRING);
    }

    static ObjectNode arrayOf(JsonNode items) {
        ObjectNode array = Json.mapper().createObjectNode().put("type", "array");
        array.set("items", items);
        return array;
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bad schema text: " + json, e);
        }
    }
}
