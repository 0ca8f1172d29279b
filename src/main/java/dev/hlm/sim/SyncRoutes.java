package dev.hlm.sim;

import dev.hlm.api.Flavor;
import dev.hlm.api.Paths;
import dev.hlm.api.SyncProviderInfo;
import dev.hlm.api.SyncSessionInfo;
import dev.hlm.api.SyncStage;
import dev.hlm.api.SyncStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The preview sync API of a link (docs/decisions.md B.8, decision D18), on the versions that have it (6.7 and
 * 7.0.2 here; 8.0U1 removed it): reset every provider, list them, read one, start one. The state lives in
 * {@link SyncProviders}.
 */
final class SyncRoutes {
    private static final String SYNC = Paths.LINKS + "/{link}/sync";
    private static final String PROVIDERS = SYNC + "/providers";
    private static final String PROVIDER = PROVIDERS + "/{provider}";

    private final LinkStore links;
    private final SyncProviders sync;

    SyncRoutes(LinkStore links, SyncProviders sync) {
        this.links = links;
        this.sync = sync;
    }

    void register(Router router, Flavor flavor) {
        router.add("POST", flavor, SYNC, Paths.ACTION_RESET, Access.MANAGE, this::reset);
        router.add("GET", flavor, PROVIDERS, null, Access.READ, this::list);
        router.add("GET", flavor, PROVIDER, null, Access.READ, this::get);
        router.add("POST", flavor, PROVIDER, Paths.ACTION_START, Access.MANAGE, this::start);
    }

    private SimResponse reset(Call call) {
        sync.reset(existing(call));
        return Responses.done(call.flavor());
    }

    private SimResponse list(Call call) {
        existing(call);
        return Responses.ok(call.flavor(), SyncProviders.summaries());
    }

    private SimResponse get(Call call) {
        SyncProviders.State state = sync.state(existing(call), provider(call));
        SyncSessionInfo session = state.stage() == null ? null : new SyncSessionInfo(
                SyncStage.valueOf(state.stage().name()), state.completedWork(), SyncProviders.TOTAL_WORK,
                text(state.completion()), text(state.sessionStart()), null);
        return Responses.ok(call.flavor(), new SyncProviderInfo(text(state.lastSync()), SyncStatus.SUCCEEDED,
                SyncProviders.POLLING_INTERVAL_SECONDS, session, null));
    }

    private SimResponse start(Call call) {
        Link link = existing(call);
        String provider = provider(call);
        if (!sync.start(link, provider)) {
            throw Errors.syncRunning(link.id(), provider);
        }
        return Responses.done(call.flavor());
    }

    private Link existing(Call call) {
        String id = call.pathVariable("link");
        return links.find(id).orElseThrow(() -> Errors.linkNotFound(id));
    }

    private static String provider(Call call) {
        String provider = call.pathVariable("provider");
        if (!SyncProviders.PROVIDERS.contains(provider)) {
            throw Errors.syncProviderNotFound(provider);
        }
        return provider;
    }

    /** RFC 3339 to the millisecond, as a vCenter writes its times. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
