package dev.hlm.sim.vapi;

import static dev.hlm.sim.vapi.VapiType.DATE_TIME;
import static dev.hlm.sim.vapi.VapiType.LONG;
import static dev.hlm.sim.vapi.VapiType.SECRET;
import static dev.hlm.sim.vapi.VapiType.STRING;
import static dev.hlm.sim.vapi.VapiType.VOID;
import static dev.hlm.sim.vapi.VapiType.list;
import static dev.hlm.sim.vapi.VapiType.optional;
import static dev.hlm.sim.vapi.VapiType.set;
import static dev.hlm.sim.vapi.VapiType.structure;

import dev.hlm.api.Paths;
import java.util.List;
import java.util.Optional;

/**
 * The vAPI services the simulator answers over JSON-RPC, each operation mapped to its REST route. Names and types
 * are those of the official bindings ({@code com.vmware.cis.session}, {@code com.vmware.vcenter.hvc.links},
 * {@code com.vmware.vcenter.hvc.management.administrators}, and the sync services of 6.7 and 7.0.x). An operation is served only where its route is: a
 * version without {@code links.get} answers {@code OperationNotFound} for it.
 */
public final class VapiServices {
    public static final String SESSION = "com.vmware.cis.session";
    public static final String LINKS = "com.vmware.vcenter.hvc.links";
    public static final String ADMINISTRATORS = "com.vmware.vcenter.hvc.management.administrators";
    /** The preview sync API of 6.7 to 8.0 GA. */
    public static final String SYNC = "com.vmware.vcenter.hvc.links.sync";
    public static final String SYNC_PROVIDERS = "com.vmware.vcenter.hvc.links.sync.providers";

    private static final String CERTIFICATE_INFO = "com.vmware.vcenter.hvc.links.certificate_info";
    private static final String SESSION_PATH = "/session";
    private static final String LINK = Paths.LINKS + "/{link}";
    private static final String PROVIDERS = LINK + "/sync/providers";

    static final VapiType SESSION_INFO = structure("com.vmware.cis.session.info")
            .field("user", STRING)
            .field("created_time", DATE_TIME)
            .field("last_accessed_time", DATE_TIME);
    static final VapiType LINK_SUMMARY = structure("com.vmware.vcenter.hvc.links.summary")
            .field("link", STRING)
            .field("display_name", STRING);
    static final VapiType LINK_INFO = structure("com.vmware.vcenter.hvc.links.info")
            .field("connection_health_status", optional(STRING))
            .field("health_status_message", optional(StandardErrors.LOCALIZABLE_MESSAGE));

    static final VapiType SYNC_PROVIDER_SUMMARY = structure("com.vmware.vcenter.hvc.links.sync.providers.summary")
            .field("provider", STRING);
    static final VapiType SYNC_SESSION_INFO = structure("com.vmware.vcenter.hvc.links.sync.providers.session_info")
            .field("stage", STRING)
            .field("completed_work", LONG)
            .field("total_work", LONG)
            .field("completion_time", optional(DATE_TIME))
            .field("start_time", DATE_TIME)
            .field("exception", optional(StandardErrors.LOCALIZABLE_MESSAGE));
    static final VapiType SYNC_PROVIDER_INFO = structure("com.vmware.vcenter.hvc.links.sync.providers.info")
            .field("last_sync_time", optional(DATE_TIME))
            .field("status", STRING)
            .field("polling_interval_in_seconds", LONG)
            .field("current_session_info", optional(SYNC_SESSION_INFO))
            .field("status_message", optional(StandardErrors.LOCALIZABLE_MESSAGE));

    private static final List<VapiOperation> ALL = List.of(
            op(SESSION, "create", "POST", SESSION_PATH, null, null, SECRET),
            op(SESSION, "get", "GET", SESSION_PATH, null, null, SESSION_INFO),
            op(SESSION, "delete", "DELETE", SESSION_PATH, null, null, VOID),

            new VapiOperation(LINKS, "create", "POST", Paths.LINKS, null, "spec", STRING, CERTIFICATE_INFO),
            op(LINKS, "list", "GET", Paths.LINKS, null, null, list(LINK_SUMMARY)),
            op(LINKS, "get", "GET", LINK, null, null, LINK_INFO),
            op(LINKS, "delete", "DELETE", LINK, null, null, VOID),
            op(LINKS, "delete_with_credentials", "POST", LINK, Paths.ACTION_DELETE, null, VOID),

            op(SYNC, "reset", "POST", LINK + "/sync", Paths.ACTION_RESET, null, VOID),
            op(SYNC_PROVIDERS, "list", "GET", PROVIDERS, null, null, list(SYNC_PROVIDER_SUMMARY)),
            op(SYNC_PROVIDERS, "get", "GET", PROVIDERS + "/{provider}", null, null, SYNC_PROVIDER_INFO),
            op(SYNC_PROVIDERS, "start", "POST", PROVIDERS + "/{provider}", Paths.ACTION_START, null, VOID),

            op(ADMINISTRATORS, "get", "GET", Paths.ADMINISTRATORS, null, null, set(STRING)),
            op(ADMINISTRATORS, "set", "PUT", Paths.ADMINISTRATORS, null, null, VOID),
            op(ADMINISTRATORS, "add", "POST", Paths.ADMINISTRATORS, Paths.ACTION_ADD, null, VOID),
            op(ADMINISTRATORS, "remove", "POST", Paths.ADMINISTRATORS, Paths.ACTION_REMOVE, null, VOID));

    private VapiServices() {}

    private static VapiOperation op(String service, String operation, String method, String path, String action,
            String bodyField, VapiType output) {
        return new VapiOperation(service, operation, method, path, action, bodyField, output, VapiOperation.DYNAMIC);
    }

    public static List<VapiOperation> all() {
        return ALL;
    }

    public static Optional<VapiOperation> find(String serviceId, String operationId) {
        return ALL.stream().filter(o -> o.serviceId().equals(serviceId) && o.operationId().equals(operationId))
                .findFirst();
    }
}
