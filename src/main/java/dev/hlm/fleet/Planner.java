package dev.hlm.fleet;

import dev.hlm.api.Summary;
import dev.hlm.client.HlmClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads one target and works out what apply must change to reach its desired state: the link (create, or unlink
 * for {@code state: unlinked}) and then the administrator groups, which must be exactly the file's set (compared
 * without case, as the vCenter compares them). A target linked to another domain than the file's is not
 * changed: unlinking a domain someone else linked is a decision for a person.
 */
public final class Planner {
    private Planner() {}

    /** The plan of {@code target}, reading its links and (when it should be linked) its administrator groups. */
    public static TargetPlan plan(FleetTarget target, HlmClient vc) {
        List<Summary> links = vc.listLinks();
        Optional<Summary> linked = links.stream().findFirst();
        String linkedDomain = linked.map(Summary::displayName).orElse(null);
        if (target.link().isEmpty()) {
            List<Step> steps = new ArrayList<>();
            links.forEach(l -> steps.add(new Step.Unlink(l.link(), l.displayName())));
            return TargetPlan.of(target.name(), steps, linkedDomain);
        }
        DesiredLink desired = target.link().get();
        if (linked.isPresent() && !linked.get().displayName().equalsIgnoreCase(desired.domainName())) {
            return TargetPlan.unknown(target.name(), "linked to " + linkedDomain + ", not " + desired.domainName()
                    + ": unlink it first (hlm link delete, or state: unlinked), then apply again", linkedDomain);
        }
        List<Step> steps = new ArrayList<>();
        Map<String, String> current = byLowerCase(vc.administrators());
        Map<String, String> wanted = byLowerCase(desired.adminGroups());
        List<String> comingWithCreate = new ArrayList<>();
        if (linked.isEmpty()) {
            // The create's spec names the groups, so they need no add of their own.
            wanted.forEach((key, group) -> {
                if (!current.containsKey(key)) {
                    comingWithCreate.add(group);
                }
            });
            steps.add(new Step.CreateLink(desired.domainName(), desired.pscHostname(), desired.pscPort(),
                    List.copyOf(comingWithCreate)));
        } else {
            wanted.forEach((key, group) -> {
                if (!current.containsKey(key)) {
                    steps.add(new Step.AddGroup(group));
                }
            });
        }
        current.forEach((key, group) -> {
            if (!wanted.containsKey(key)) {
                steps.add(new Step.RemoveGroup(group));
            }
        });
        return TargetPlan.of(target.name(), steps, linkedDomain);
    }

    private static Map<String, String> byLowerCase(Iterable<String> groups) {
        Map<String, String> map = new TreeMap<>();
        groups.forEach(g -> map.putIfAbsent(g.toLowerCase(Locale.ROOT), g));
        return map;
    }
}
