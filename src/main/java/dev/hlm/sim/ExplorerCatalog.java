package dev.hlm.sim;

import static dev.hlm.sim.ExplorerSchemas.arrayOf;
import static dev.hlm.sim.ExplorerSchemas.ref;
import static dev.hlm.sim.ExplorerSchemas.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hlm.api.CertificateInfo;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import dev.hlm.api.HealthStatus;
import dev.hlm.api.Info;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.Paths;
import dev.hlm.api.SessionInfo;
import dev.hlm.api.Summary;
import dev.hlm.api.SyncProviderInfo;
import dev.hlm.api.SyncSessionInfo;
import dev.hlm.api.SyncStage;
import dev.hlm.api.SyncStatus;
import dev.hlm.api.VapiError;
import dev.hlm.api.VersionInfo;
import dev.hlm.sim.explorer.ExplorerOperation;
import dev.hlm.sim.explorer.ExplorerOperation.Answer;
import dev.hlm.sim.explorer.ExplorerOperation.Auth;
import dev.hlm.sim.explorer.ExplorerOperation.Body;
import dev.hlm.sim.explorer.ExplorerOperation.Refusal;
import dev.hlm.sim.explorer.SwaggerDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the apiexplorer documents for one simulated version (decision D19): one description per operation,
 * rendered in each flavor the version has, under the same conditions as the routes are registered. Examples
 * are the simulator's own answers ({@link Responses}, {@link Errors}), with the simulator's PSC in the create
 * body, so Execute works as it stands once the password is filled in. {@code ExplorerCoverageIT} checks the
 * operations against the routes the simulator serves.
 */
final class ExplorerCatalog {
    /** The simulator's own names for the examples; never a password. */
    record Sample(String pscHostname, int pscPort, String domainName, String pscUsername) {}

    private static final String LINK_ID = "b1d9e0c2-5a4f-4f6e-9d1a-2c3b4d5e6f70";
    private static final String THUMBPRINT = "3A:7F:0C:91:5E:22:D4:8B:6A:1F:C3:07:9E:54:B2:88:"
            + "41:DA:6C:F0:13:7B:A9:2E:65:C8:0D:F4:39:B7:1E:C9";
    private static final String GROUP = "vmc-admins@corp.local";
    private static final String USER = "cloudadmin@vmc.local";

    private final ApiVersion version;
    private final VersionInfo versionInfo;
    private final Sample sample;

    ExplorerCatalog(ApiVersion version, VersionInfo versionInfo, Sample sample) {
        this.version = version;
        this.versionInfo = versionInfo;
        this.sample = sample;
    }

    SwaggerDocuments documents() {
        return new SwaggerDocuments(versionInfo.version(), ExplorerSchemas.forVersion(version), operations());
    }

    List<ExplorerOperation> operations() {
        List<ExplorerOperation> all = new ArrayList<>();
        for (Flavor flavor : version.flavors()) {
            new InFlavor(flavor, all).add();
        }
        return List.copyOf(all);
    }

    /** The operations of one flavor: the flavor decides paths, body wrapping, status codes and error shapes. */
    private final class InFlavor {
        private final Flavor flavor;
        private final List<ExplorerOperation> out;
        /** /rest is deprecated from 7.0U2 on, where /api exists (docs/decisions.md B.10). */
        private final boolean deprecated;

        InFlavor(Flavor flavor, List<ExplorerOperation> out) {
            this.flavor = flavor;
            this.out = out;
            this.deprecated = flavor == Flavor.REST && version.hasFlavor(Flavor.API);
        }

        void add() {
            session();
            if (version.hasHlm()) {
                links();
                administrators();
            }
            if (version.hasSync()) {
                sync();
            }
            op("GET", Paths.SYSTEM_VERSION, null, "appliance/system/version", "Get the appliance's version",
                    "The product, version and build of this vCenter (decision D15). Needs no session.", Auth.NONE,
                    null, ok("The version.", ref(ExplorerSchemas.VERSION_INFO), versionInfo), List.of());
        }

        private void session() {
            String path = flavor.sessionPath().substring(flavor.prefix().length());
            String tag = flavor == Flavor.API ? "session" : "cis/session";
            List<Refusal> refused = List.of(refusal(Errors.loginRefused(), "the user name or password is wrong."));
            op("POST", path, null, tag, "Log in",
                    "Opens a session with HTTP Basic (user and password); the answer is the session token, sent as "
                            + Paths.SESSION_HEADER + " on every later call. The login bar above does this for you.",
                    Auth.BASIC, null, created("The session token.", string(), "b00db39f948d13ea1e59b4d6fce56389"),
                    refused);
            SessionInfo who = new SessionInfo(USER, "2025-06-17T09:30:00Z", "2025-06-17T09:31:12Z");
            op(flavor == Flavor.API ? "GET" : "POST", path, flavor == Flavor.API ? null : "~action=get", tag,
                    "Who am I", "The user of this session and its times.", Auth.SESSION, null,
                    ok("The session.", ref(ExplorerSchemas.SESSION_INFO), who), withSession(List.of()));
            op("DELETE", path, null, tag, "Log out", "Ends this session; its token no longer works.", Auth.SESSION,
                    null, done("The session is closed."), withSession(List.of()));
        }

        private void links() {
            String tag = "hvc/links";
            String link = Paths.LINKS + "/{link}";
            Map<String, Object> spec = createSpec();
            Body createBody = flavor == Flavor.API
                    ? new Body(ref(ExplorerSchemas.CREATE_SPEC), Json.mapper().valueToTree(spec))
                    : new Body(ref(ExplorerSchemas.REST_CREATE), Json.mapper().valueToTree(Map.of("spec", spec)));
            PscAddress psc = new PscAddress(sample.pscHostname(), sample.pscPort());
            CertificateInfo seen = new CertificateInfo(THUMBPRINT,
                    version.hasSslCertificate() ? "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n" : null);
            op("POST", Paths.LINKS, null, tag, "Link an on-prem SSO domain (Hybrid Linked Mode)",
                    "Connects to the PSC, checks its certificate against ssl_thumbprint"
                            + (version.hasSslCertificate() ? " or ssl_certificate" : "")
                            + ", logs in with username and password and links the domain. Without a matching "
                            + "thumbprint it answers " + version.certificateErrorType() + " with the thumbprint seen: "
                            + "check it, add it as ssl_thumbprint and execute again.",
                    Auth.SESSION, createBody, created("The new link's identifier.", string(), LINK_ID),
                    manage(List.of(
                            refusal(Errors.alreadyLinked(sample.domainName(), false), "a domain is linked already."),
                            refusal(Errors.missingField(Errors.CREATE_SPEC, "domain_name"),
                                    "a field is missing or invalid, or the PSC refused username and password."),
                            refusal(Errors.unsupportedPscVersion(psc, "6.5.0", VersionInfo.MINIMUM_ONPREM_VERSION),
                                    "the PSC's version is too old."),
                            refusal(Errors.unverifiedPeer(version, psc, seen, "No ssl_thumbprint was given."),
                                    "the PSC's certificate is not the one ssl_thumbprint names (or none was given); "
                                            + "data carries the certificate seen."),
                            refusal(Errors.pscUnreachable(psc, "Connection refused"), "the PSC cannot be reached."))));
            op("GET", Paths.LINKS, null, tag, "List the links", "Every link of this vCenter (at most one).",
                    Auth.SESSION, null, ok("The links.", arrayOf(ref(ExplorerSchemas.SUMMARY)),
                            List.of(new Summary(LINK_ID, sample.domainName()))), read(List.of()));
            if (version.hasLinkGet()) {
                VapiError busy = VapiError.of(ErrorType.RESOURCE_BUSY,
                        LocalizableMessage.of("com.vmware.vapi.std.errors.resource_busy", "The service is busy."));
                op("GET", link, null, tag, "Get a link's health",
                        "HEALTHY when the linked PSC answers right now, else UNHEALTHY with a message.", Auth.SESSION,
                        null, ok("The link's health.", ref(ExplorerSchemas.INFO), new Info(HealthStatus.HEALTHY, null)),
                        read(List.of(noSuchLink(),
                                // links.get declares RESOURCE_BUSY as 500 (decision D16).
                                new Refusal(500, busy.errorType().name(), "the service is busy.", errorSchema(),
                                        example(busy, 500)))));
            }
            op("DELETE", link, null, tag, "Unlink",
                    "Removes the link, as an unlink started from the Cloud Gateway does.", Auth.SESSION, null,
                    done("The link is gone."),
                    manage(List.of(noSuchLink())));
            if (version.hasDeleteWithCredentials() && flavor == Flavor.API) {
                Map<String, Object> credentials = Map.of("credentials",
                        Map.of("user_name", sample.pscUsername(), "password", "the PSC administrator's password"));
                op("POST", link, "action=" + Paths.ACTION_DELETE, tag, "Unlink with the on-prem credentials",
                        "Logs in at the linked PSC with these credentials, then removes the link: the unlink "
                                + "started from the cloud vCenter.",
                        Auth.SESSION, new Body(ref(ExplorerSchemas.DELETE_WITH_CREDENTIALS),
                                Json.mapper().valueToTree(credentials)), done("The link is gone."),
                        manage(List.of(refusal(Errors.credentialsRefused(psc, sample.pscUsername()),
                                        "the PSC refused the credentials, or they are missing."),
                                noSuchLink())));
            }
        }

        private void administrators() {
            String tag = "hvc/management/administrators";
            String path = Paths.ADMINISTRATORS;
            List<Refusal> badName = List.of(refusal(Errors.invalidGroupName("group_name", "not-a-group"),
                    "a group name is missing or not of the form group@domain."));
            op("GET", path, null, tag, "List the administrator groups",
                    "The on-prem groups whose members are cloud administrators.", Auth.SESSION, null,
                    ok("The groups.", arrayOf(string()), List.of(GROUP)), read(List.of()));
            op("PUT", path, null, tag, "Set the administrator groups", "Replaces all administrator groups.",
                    Auth.SESSION, new Body(ref(ExplorerSchemas.ADMINISTRATORS_SET), Json.mapper().valueToTree(
                            Map.of("group_names", List.of(GROUP, "ops@corp.local")))),
                    done("The groups are set."), manage(badName));
            Body oneGroup = new Body(ref(ExplorerSchemas.ADMINISTRATORS_CHANGE),
                    Json.mapper().valueToTree(Map.of("group_name", "ops@corp.local")));
            op("POST", path, "action=" + Paths.ACTION_ADD, tag, "Add an administrator group",
                    "Adds one group; adding a present group changes nothing.", Auth.SESSION, oneGroup,
                    done("The group is an administrator group."), manage(badName));
            op("POST", path, "action=" + Paths.ACTION_REMOVE, tag, "Remove an administrator group",
                    "Removes one group; removing an absent group changes nothing.", Auth.SESSION, oneGroup,
                    done("The group is no administrator group."), manage(badName));
        }

        /** The preview sync API of 6.7 to 8.0 GA (docs/decisions.md B.8), as {@link SyncRoutes} serves it. */
        private void sync() {
            String tag = "hvc/links/sync";
            String sync = Paths.LINKS + "/{link}/sync";
            String provider = sync + "/providers/{provider}";
            Refusal noLink = noSuchLink();
            Refusal noProvider = refusal(Errors.syncProviderNotFound("inventory"), "no provider has this name.");
            op("POST", sync, "action=" + Paths.ACTION_RESET, tag, "Reset the sync of every provider",
                    "Forgets every provider's sync state; the next sync starts from the beginning.", Auth.SESSION,
                    null, done("Every provider is reset."), manage(List.of(noLink)));
            op("GET", sync + "/providers", null, tag, "List the sync providers",
                    "The providers whose data this link syncs: identity, tagging and trust.", Auth.SESSION, null,
                    ok("The providers.", arrayOf(ref(ExplorerSchemas.SYNC_PROVIDER)),
                            SyncProviders.summaries()), read(List.of(noLink)));
            String started = "2025-06-17T09:31:09.000Z";
            String completed = "2025-06-17T09:31:12.000Z";
            SyncSessionInfo session = new SyncSessionInfo(SyncStage.COMPLETED, SyncProviders.TOTAL_WORK,
                    SyncProviders.TOTAL_WORK, completed, started, null);
            op("GET", provider, null, tag, "Get a provider's sync state",
                    "When it last synced, and the stage of its current (or last) session.", Auth.SESSION, null,
                    ok("The provider's state.", ref(ExplorerSchemas.SYNC_PROVIDER_INFO), new SyncProviderInfo(
                            completed, SyncStatus.SUCCEEDED, SyncProviders.POLLING_INTERVAL_SECONDS, session, null)),
                    read(List.of(noLink, noProvider)));
            op("POST", provider, "action=" + Paths.ACTION_START, tag, "Start a provider's sync",
                    "Starts a sync session of this provider; its progress is in the GET above. One at a time: "
                            + "while it runs, another start is refused.", Auth.SESSION, null,
                    done("The sync started."), manage(List.of(noLink, noProvider,
                            refusal(Errors.syncRunning(LINK_ID, "identity"), "a sync of this provider is running."))));
        }

        private Map<String, Object> createSpec() {
            Map<String, Object> spec = new java.util.LinkedHashMap<>();
            spec.put("psc_hostname", sample.pscHostname());
            spec.put("port", Integer.toString(sample.pscPort()));
            spec.put("domain_name", sample.domainName());
            spec.put("username", sample.pscUsername());
            spec.put("admin_groups", List.of(GROUP));
            // Last and empty: where the user types the one thing the simulator cannot fill in.
            spec.put("password", "");
            return spec;
        }

        private void op(String method, String resource, String query, String tag, String summary, String description,
                Auth auth, Body request, Answer success, List<Refusal> refusals) {
            out.add(new ExplorerOperation(method, flavor.prefix() + resource, query, tag, summary, description,
                    deprecated, auth, request, success, refusals));
        }

        // --- answers in this flavor ---------------------------------------------------------------

        private Answer ok(String description, JsonNode schema, Object value) {
            return answer(description, schema, Responses.ok(flavor, value));
        }

        private Answer created(String description, JsonNode schema, Object value) {
            return answer(description, schema, Responses.created(flavor, value));
        }

        private Answer done(String description) {
            return new Answer(Responses.done(flavor).status(), description, null, null);
        }

        private Answer answer(String description, JsonNode schema, SimResponse response) {
            JsonNode shape = flavor == Flavor.REST ? ExplorerSchemas.wrapped(schema) : schema;
            return new Answer(response.status(), description, shape, parse(response.body()));
        }

        private Refusal refusal(ApiFailure failure, String when) {
            VapiError error = failure.error();
            return new Refusal(error.errorType().httpStatus(), error.errorType().name(), when, errorSchema(),
                    example(error, error.errorType().httpStatus()));
        }

        private JsonNode example(VapiError error, int status) {
            return parse(Responses.error(flavor, error, status).body());
        }

        private ObjectNode errorSchema() {
            return ref(flavor == Flavor.API ? ExplorerSchemas.API_ERROR : ExplorerSchemas.REST_ERROR);
        }

        // --- what every operation of an access level can also answer ---------------------------------

        private Refusal noSuchLink() {
            return refusal(Errors.linkNotFound(LINK_ID), "no link has this identifier.");
        }

        private List<Refusal> withSession(List<Refusal> own) {
            List<Refusal> all = new ArrayList<>(own);
            all.add(refusal(Errors.authenticationRequired(), "there is no session, or it expired."));
            return all;
        }

        private List<Refusal> read(List<Refusal> own) {
            return privileged(own, Privilege.SYSTEM_READ);
        }

        private List<Refusal> manage(List<Refusal> own) {
            return privileged(own, Privilege.HLM_MANAGE);
        }

        private List<Refusal> privileged(List<Refusal> own, Privilege privilege) {
            List<Refusal> all = new ArrayList<>(withSession(own));
            all.add(refusal(Errors.missingPrivilege("reader@vmc.local", privilege),
                    "the user lacks " + privilege.id() + "."));
            if (own.stream().noneMatch(r -> r.errorType().equals(ErrorType.ERROR.name()))) {
                all.add(refusal(new ApiFailure(VapiError.of(ErrorType.ERROR, LocalizableMessage.of(
                        "com.vmware.vapi.std.errors.error", "The operation failed."))), "the operation failed."));
            }
            return all;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? null : Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the simulator wrote invalid JSON: " + body, e);
        }
    }
}
