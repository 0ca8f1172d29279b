package dev.hlm.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.HealthStatus;
import dev.hlm.api.Info;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.Paths;
import dev.hlm.tls.TrustPolicy;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The links resource (docs/decisions.md B.6): create (via {@link LinkCreator}), list, get (8.0U1+), delete and
 * delete-with-credentials (8.0U1+, {@code /api} only, see B.6.5). Registers only what the version has.
 */
final class LinkRoutes {
    private static final String LINK = Paths.LINKS + "/{link}";
    private static final String CREDENTIALS = "com.vmware.vcenter.hvc.links.credentials";

    private final ApiVersion version;
    private final LinkStore links;
    private final LinkCreator creator;
    private final UnaryOperator<PscAddress> pscRoute;

    LinkRoutes(ApiVersion version, LinkStore links, LinkCreator creator, UnaryOperator<PscAddress> pscRoute) {
        this.version = version;
        this.links = links;
        this.creator = creator;
        this.pscRoute = pscRoute;
    }

    void register(Router router, Flavor flavor) {
        router.add("POST", flavor, Paths.LINKS, null, Access.MANAGE, creator::create);
        router.add("GET", flavor, Paths.LINKS, null, Access.READ, this::list);
        if (version.hasLinkGet()) {
            // /rest get is served too: a later /rest reference documents it (B.6.3).
            router.add("GET", flavor, LINK, null, Access.READ, this::get);
        }
        router.add("DELETE", flavor, LINK, null, Access.MANAGE, this::delete);
        if (version.hasDeleteWithCredentials() && flavor == Flavor.API) {
            router.add("POST", flavor, LINK, Paths.ACTION_DELETE, Access.MANAGE, this::deleteWithCredentials);
        }
    }

    private SimResponse list(Call call) {
        return Responses.ok(call.flavor(), links.summaries());
    }

    /** Decision D10: HEALTHY when the PSC answers a connection right now. */
    private SimResponse get(Call call) {
        Link link = existing(call);
        Info info = PscProbe.reachable(pscRoute.apply(link.psc()))
                ? new Info(HealthStatus.HEALTHY, null)
                : new Info(HealthStatus.UNHEALTHY, LocalizableMessage.of(
                        "com.vmware.vcenter.hvc.links.health.unreachable", "Remote PSC is not reachable."));
        return Responses.ok(call.flavor(), info);
    }

    private SimResponse delete(Call call) {
        String id = call.pathVariable("link");
        if (!links.remove(id)) {
            throw Errors.linkNotFound(id);
        }
        return Responses.done(call.flavor());
    }

    /**
     * The unlink started from the cloud side: the on-prem credentials must log in at the linked PSC, which
     * is reached pinned to the certificate it had at create time.
     */
    private SimResponse deleteWithCredentials(Call call) {
        JsonNode credentials = JsonBodies.requiredObject(JsonBodies.object(call.body()), Errors.OPERATION_INPUT,
                "credentials");
        String user = JsonBodies.requiredString(credentials, CREDENTIALS, "user_name");
        char[] password = JsonBodies.requiredString(credentials, CREDENTIALS, "password").toCharArray();
        Link link = existing(call);
        try (PscProbe probe = new PscProbe(pscRoute.apply(link.psc()), TrustPolicy.pinned(link.pscThumbprint()))) {
            String token = probe.login(user, password)
                    .orElseThrow(() -> Errors.credentialsRefused(link.psc(), user));
            probe.logout(token);
        } catch (PscProbe.UnreachableException e) {
            throw Errors.pscUnreachable(link.psc(), e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!links.remove(link.id())) {
            throw Errors.linkNotFound(link.id());
        }
        return Responses.done(call.flavor());
    }

    private Link existing(Call call) {
        String id = call.pathVariable("link");
        return links.find(id).orElseThrow(() -> Errors.linkNotFound(id));
    }
}
