package dev.hlm.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.Paths;
import java.util.List;

/**
 * The HLM administrator groups (docs/decisions.md B.7, decision D11): get, set (replaces), add and remove
 * (idempotent). The request bodies have the same keys in both flavors.
 */
final class AdministratorRoutes {
    private final AdministratorGroups groups;

    AdministratorRoutes(AdministratorGroups groups) {
        this.groups = groups;
    }

    void register(Router router, Flavor flavor) {
        String path = Paths.ADMINISTRATORS;
        router.add("GET", flavor, path, null, Access.READ, this::get);
        router.add("PUT", flavor, path, null, Access.MANAGE, this::set);
        router.add("POST", flavor, path, Paths.ACTION_ADD, Access.MANAGE, this::add);
        router.add("POST", flavor, path, Paths.ACTION_REMOVE, Access.MANAGE, this::remove);
    }

    private SimResponse get(Call call) {
        return Responses.ok(call.flavor(), groups.sorted());
    }

    private SimResponse set(Call call) {
        JsonNode body = JsonBodies.object(call.body());
        List<String> names = JsonBodies.groupNames(body, Errors.OPERATION_INPUT, "group_names", true);
        groups.replaceAll(names);
        return Responses.done(call.flavor());
    }

    private SimResponse add(Call call) {
        groups.addAll(List.of(groupName(call)));
        return Responses.done(call.flavor());
    }

    private SimResponse remove(Call call) {
        groups.remove(groupName(call));
        return Responses.done(call.flavor());
    }

    private static String groupName(Call call) {
        return JsonBodies.groupName(JsonBodies.object(call.body()).get("group_name"), "group_name");
    }
}
