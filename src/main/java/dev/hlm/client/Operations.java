package dev.hlm.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.AdministratorGroupBody;
import dev.hlm.api.AdministratorsSetBody;
import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.api.DeleteWithCredentialsBody;
import dev.hlm.api.Flavor;
import dev.hlm.api.Info;
import dev.hlm.api.Json;
import dev.hlm.api.Paths;
import dev.hlm.api.SessionInfo;
import dev.hlm.api.Summary;
import dev.hlm.api.SyncProvider;
import dev.hlm.api.SyncProviderInfo;
import dev.hlm.api.VersionInfo;
import dev.hlm.client.Operation.Effect;
import dev.hlm.client.Operation.Route;
import dev.hlm.client.Operation.Timeout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every operation hlm sends, one descriptor each, in the order of docs/decisions.md B.6: the session's
 * three, the links', the administrators' and the version. The wire facts of the HLM API live here and in
 * {@link Paths}; how an operation is sent lives in {@link Calls}.
 */
final class Operations {
    private Operations() {}

    // The session. Login and logout carry their own authorization; who-am-I uses the session's token.

    /**
     * Basic authorization once; the answer is the session token, any JSON until the session checks it.
     * Repeatable: a session whose answer was lost just idles out on the server.
     */
    static Operation<JsonNode> login(String basicAuthorization) {
        return new Operation<>("login", f -> new Route("POST", f.sessionPath()), null, null, type(JsonNode.class),
                Effect.READ, Timeout.REQUEST, Map.of("Authorization", basicAuthorization), null);
    }

    /** {@code GET /api/session}, or the legacy {@code POST /rest/com/vmware/cis/session?~action=get}. */
    static Operation<SessionInfo> whoAmI() {
        return new Operation<>("read session", f -> f == Flavor.API ? new Route("GET", f.sessionPath())
                : new Route("POST", f.sessionPath() + "?~action=get"), null, null, type(SessionInfo.class),
                Effect.READ, Timeout.REQUEST, Map.of(), null);
    }

    /** Ends the session {@code token} names, which need not be the client's current one. */
    static Operation<Void> logout(String token) {
        return new Operation<>("logout", f -> new Route("DELETE", f.sessionPath()), null, null, null,
                Effect.READ, Timeout.LOGOUT, Map.of(Paths.SESSION_HEADER, token), null);
    }

    // The links.

    static Operation<String> createLink(CreateSpec spec) {
        return new Operation<>("create link", under("POST", Paths.LINKS), spec, "spec", type(String.class),
                Effect.CHANGE, Timeout.LINK, Map.of(), null);
    }

    static Operation<List<Summary>> listLinks() {
        return read("list links", Paths.LINKS, type(new TypeReference<List<Summary>>() {}), null);
    }

    static Operation<Info> getLink(String linkId) {
        return read("get link", Paths.link(linkId), type(Info.class), HlmOperation.LINK_GET);
    }

    /** The unlink of a Cloud Gateway, and of servers before vSphere 8.0U1. */
    static Operation<Void> deleteLink(String linkId) {
        return new Operation<>("delete link", under("DELETE", Paths.link(linkId)), null, null, null,
                Effect.CHANGE, Timeout.LINK, Map.of(), null);
    }

    /** The unlink started from a cloud vCenter, with the on-prem credentials. */
    static Operation<Void> deleteLinkWithCredentials(String linkId, Credentials onPrem) {
        return new Operation<>("delete link with credentials",
                under("POST", Paths.withAction(Paths.link(linkId), Paths.ACTION_DELETE)),
                new DeleteWithCredentialsBody(onPrem), null, null, Effect.CHANGE, Timeout.LINK, Map.of(),
                HlmOperation.LINK_DELETE_WITH_CREDENTIALS);
    }

    // The preview sync API (6.7 to 8.0 GA). A start or reset sent again restarts what the first one started.

    static Operation<List<SyncProvider>> syncProviders(String linkId) {
        return read("list sync providers", Paths.syncProviders(linkId, null),
                type(new TypeReference<List<SyncProvider>>() {}), HlmOperation.LINK_SYNC);
    }

    static Operation<SyncProviderInfo> syncProvider(String linkId, String provider) {
        return read("get sync provider", Paths.syncProviders(linkId, provider), type(SyncProviderInfo.class),
                HlmOperation.LINK_SYNC);
    }

    static Operation<Void> startSync(String linkId, String provider) {
        return syncChange("start sync", Paths.withAction(Paths.syncProviders(linkId, provider), Paths.ACTION_START));
    }

    static Operation<Void> resetSync(String linkId) {
        return syncChange("reset sync", Paths.withAction(Paths.sync(linkId), Paths.ACTION_RESET));
    }

    private static Operation<Void> syncChange(String name, String path) {
        return new Operation<>(name, under("POST", path), null, null, null, Effect.IDEMPOTENT_CHANGE,
                Timeout.REQUEST, Map.of(), HlmOperation.LINK_SYNC);
    }

    // The administrator groups: set, add and remove end in the same state however often they are sent (D11).

    static Operation<List<String>> administrators() {
        return read("list administrators", Paths.ADMINISTRATORS, type(new TypeReference<List<String>>() {}), null);
    }

    static Operation<Void> setAdministrators(Collection<String> groups) {
        return groupChange("set administrators", "PUT", Paths.ADMINISTRATORS,
                new AdministratorsSetBody(new ArrayList<>(groups)));
    }

    static Operation<Void> addAdministrator(String group) {
        return groupChange("add administrator", "POST", Paths.withAction(Paths.ADMINISTRATORS, Paths.ACTION_ADD),
                new AdministratorGroupBody(group));
    }

    static Operation<Void> removeAdministrator(String group) {
        return groupChange("remove administrator", "POST",
                Paths.withAction(Paths.ADMINISTRATORS, Paths.ACTION_REMOVE), new AdministratorGroupBody(group));
    }

    // The appliance.

    static Operation<VersionInfo> version() {
        return read("read version", Paths.SYSTEM_VERSION, type(VersionInfo.class), null);
    }

    private static <T> Operation<T> read(String name, String path, JavaType result, HlmOperation requires) {
        return new Operation<>(name, under("GET", path), null, null, result, Effect.READ, Timeout.REQUEST, Map.of(),
                requires);
    }

    private static Operation<Void> groupChange(String name, String method, String path, Object body) {
        return new Operation<>(name, under(method, path), body, null, null, Effect.IDEMPOTENT_CHANGE, Timeout.REQUEST,
                Map.of(), null);
    }

    /** A resource path under the flavor's prefix, with the same method in both flavors. */
    private static Function<Flavor, Route> under(String method, String path) {
        return f -> new Route(method, f.path(path));
    }

    private static JavaType type(Class<?> c) {
        return Json.mapper().constructType(c);
    }

    private static JavaType type(TypeReference<?> t) {
        return Json.mapper().constructType(t);
    }
}
