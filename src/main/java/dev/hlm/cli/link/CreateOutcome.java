package dev.hlm.cli.link;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hlm.api.Summary;
import java.util.List;

/**
 * What {@code link create --json} prints: the link, as {@code link list} shows it, and how this run came to it,
 * so a script can tell a new link from one that was there (issue 11, point 18).
 *
 * @param outcome {@code created}; {@code found_after_lost_answer} (the create's answer was lost, and listing found
 *     the link: made by this run, almost surely); {@code already_linked} (the domain was linked before this run);
 *     {@code made_by_another_run} (with {@code --wait}: another run's link, waited for)
 * @param administratorsAdded the {@code --admin-group}s this run made HLM administrators of a link it found
 */
record CreateOutcome(String link, @JsonProperty("display_name") String displayName, String outcome,
                     @JsonProperty("administrators_added") List<String> administratorsAdded) {
    static final String CREATED = "created";
    static final String FOUND_AFTER_LOST_ANSWER = "found_after_lost_answer";
    static final String ALREADY_LINKED = "already_linked";
    static final String MADE_BY_ANOTHER_RUN = "made_by_another_run";

    static CreateOutcome of(Summary link, String outcome, List<String> administratorsAdded) {
        return new CreateOutcome(link.link(), link.displayName(), outcome, List.copyOf(administratorsAdded));
    }
}
