package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import java.util.ArrayList;
import java.util.List;

/** The requests a dry run held back ({@link HlmClientBuilder#dryRun}), as they would have gone on the wire. */
final class DryRun {
    private final List<PlannedRequest> planned = new ArrayList<>();

    /** Records what {@code op} would have sent in flavor {@code f}, passwords masked. */
    synchronized void plan(Operation<?> op, Flavor f) {
        Object body = op.bodyFor(f);
        JsonNode masked = null;
        if (body != null) {
            try {
                masked = Json.mapper().readTree(HttpTrace.maskBody(Json.write(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot re-read a body hlm wrote itself", e);
            }
        }
        Operation.Route route = op.route().apply(f);
        planned.add(new PlannedRequest(op.name(), route.method(), route.path(), masked));
    }

    synchronized List<PlannedRequest> planned() {
        return List.copyOf(planned);
    }
}
