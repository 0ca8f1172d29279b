package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.HealthStatus;
import dev.hlm.api.Summary;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.fault.Fault;
import dev.hlm.tls.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The simulator under load, with faults: 32 clients at once, each in a loop of login, create (they compete
 * for the one link a cloud vCenter holds, so ALREADY_EXISTS is an expected answer), list, get, delete, adding,
 * listing and removing a group of its own, and logout. Afterwards no link is lost or duplicated, no group is
 * left, no session is open, no client saw an error that was not injected or expected, and the simulator
 * still answers.
 *
 * <p>{@link #thirtyTwoClientsForABoundedNumberOfRounds()} runs in every build. The soak variant runs the same
 * loop for a fixed time and only when asked: {@code mvn verify -Dtest=LoadIT -Dhlm.soak=60s}.
 */
class LoadIT {
    private static final int CLIENTS = 32;
    private static final int ROUNDS = 10;

    /** Faults on every route but login's answer (a lost login answer would leave a session to idle out). */
    private static final List<String> FAULTS = List.of(
            "any:latency=5ms,p=0.1",
            "login:error=SERVICE_UNAVAILABLE,p=0.05",
            "create:error=SERVICE_UNAVAILABLE,p=0.05",
            "create:drop=after,p=0.05",
            "create:expire,p=0.03",
            "list:error=SERVICE_UNAVAILABLE,p=0.05",
            "list:body=truncated,p=0.03",
            "list:expire,p=0.02",
            "get:drop=before,p=0.05",
            "delete:error=SERVICE_UNAVAILABLE,p=0.05",
            "delete:drop=after,p=0.05",
            "admin:error=SERVICE_UNAVAILABLE,p=0.05",
            "admin-add:drop=after,p=0.05",
            "admin-remove:drop=after,p=0.05",
            "admin-list:body=wrong-types,p=0.03",
            "admin-add:expire,p=0.02",
            "logout:error=SERVICE_UNAVAILABLE,p=0.05");

    @Test
    void thirtyTwoClientsForABoundedNumberOfRounds() throws Exception {
        Outcome outcome = run(round -> round < ROUNDS);
        assertThat(outcome.rounds.get()).isEqualTo(CLIENTS * ROUNDS);
    }

    @Test
    @EnabledIfSystemProperty(named = "hlm.soak", matches = "\\d+(s|m)")
    void soakForAFixedTime() throws Exception {
        String soak = System.getProperty("hlm.soak");
        long amount = Long.parseLong(soak.substring(0, soak.length() - 1));
        Instant end = Instant.now().plus(soak.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount));
        Outcome outcome = run(round -> Instant.now().isBefore(end));
        assertThat(outcome.rounds.get()).isGreaterThan(0);
        System.out.printf("soak %s: %d rounds, %d links created, %d found after a lost answer, %d ALREADY_EXISTS, "
                        + "%d not linked, %d calls whose session was ended twice%n", soak, outcome.rounds.get(),
                outcome.created.size(), outcome.found.size(), outcome.alreadyExists.get(), outcome.notLinked.get(),
                outcome.expiredTwice.get());
    }

    /** Decides whether a client starts another round. */
    interface Rounds {
        boolean another(int round);
    }

    /** What the clients learned, for the checks at the end. */
    static final class Outcome {
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        /** Link ids a create answered (the client knows it made them). */
        final List<String> created = new CopyOnWriteArrayList<>();
        /** Link ids found by listing after a create's answer was lost. */
        final List<String> found = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> deleted = new ConcurrentHashMap<>();
        /** Links a client created and then saw gone: another client found it after a lost answer and unlinked it. */
        final List<String> takenAway = new CopyOnWriteArrayList<>();
        final AtomicInteger alreadyExists = new AtomicInteger();
        final AtomicInteger notLinked = new AtomicInteger();
        final AtomicInteger notUnlinked = new AtomicInteger();
        final AtomicInteger expiredTwice = new AtomicInteger();
        final AtomicInteger rounds = new AtomicInteger();
    }

    private Outcome run(Rounds rounds) throws Exception {
        Simulator.Builder builder = Simulator.builder().seed(20240611L);
        FAULTS.forEach(f -> builder.fault(Fault.parse(f)));
        Outcome outcome = new Outcome();
        try (Simulator sim = builder.build()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    int client = i;
                    clients.add(pool.submit(() -> {
                        for (int round = 0; rounds.another(round); round++) {
                            oneRound(sim, client, round, outcome);
                            outcome.rounds.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : clients) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            check(sim, outcome);
        }
        return outcome;
    }

    private static void check(Simulator sim, Outcome outcome) {
        assertThat(outcome.unexpected).as("errors that were neither injected nor expected").isEmpty();

        // No link lost or duplicated: every link a client learned of was deleted exactly once, and none remains.
        assertThat(outcome.created).as("a link id answered twice").doesNotHaveDuplicates();
        List<String> learned = new ArrayList<>(outcome.created);
        outcome.found.stream().filter(id -> !learned.contains(id)).forEach(learned::add);
        assertThat(outcome.deleted.keySet()).containsExactlyInAnyOrderElementsOf(learned);
        // A link two clients learned of (one created it, one found it after a lost answer) may be reported
        // unlinked by both: a lost unlink answer is settled by listing, which cannot tell whose call removed it.
        outcome.deleted.forEach((id, n) -> assertThat(n.get()).as("deletions of " + id)
                .isBetween(1, outcome.found.contains(id) ? 2 : 1));
        assertThat(outcome.found).as("a link taken from its creator was found by another after a lost answer")
                .containsAll(outcome.takenAway);
        assertThat(sim.links()).as("a link nobody knows of").isEmpty();

        assertThat(sim.administrators()).as("a group left behind").isEmpty();
        assertThat(sim.openSessions()).as("sessions left open").isZero();

        // The run was a real one: creates competed, links came and went, faults struck.
        assertThat(outcome.created).hasSizeGreaterThanOrEqualTo(2);
        assertThat(outcome.alreadyExists.get()).isGreaterThan(0);
        assertThat(sim.injections()).extracting(i -> i.fault().action().spec())
                .contains("error=SERVICE_UNAVAILABLE", "drop=after", "expire");

        // The simulator still answers, now without faults.
        sim.clearFaults();
        try (HlmClient vc = client(sim)) {
            String id = vc.createLink(spec(sim));
            assertThat(vc.listLinks()).extracting(Summary::link).containsExactly(id);
            vc.deleteLink(id);
            assertThat(vc.listLinks()).isEmpty();
        }
        assertThat(sim.openSessions()).isZero();
    }

    /** One client's round: a new session, the link steps, the group steps, logout. */
    private static void oneRound(Simulator sim, int client, int round, Outcome outcome) {
        String where = "client " + client + " round " + round + ": ";
        String[] step = {"login"};
        try (HlmClient vc = client(sim)) {
            step[0] = "create";
            String link = null;
            boolean mine = false;
            try {
                CreatedLink created = again(outcome, () -> vc.createLinkReconciled(spec(sim)));
                link = created.id();
                mine = !created.foundAfterLostAnswer();
                (mine ? outcome.created : outcome.found).add(link);
            } catch (ApiException.AlreadyExists e) {
                outcome.alreadyExists.incrementAndGet();
            } catch (TransportException e) {
                // A lost answer that listing settled as "not linked" is a true, expected report.
                if (!e.outcomeChecked() || !e.getMessage().endsWith(": not linked")) {
                    throw e;
                }
                outcome.notLinked.incrementAndGet();
            }

            step[0] = "list";
            List<Summary> links = again(outcome, vc::listLinks);
            assertThat(links).as(where + "one domain at most").hasSizeLessThanOrEqualTo(1);
            if (link != null) {
                linkSteps(vc, link, mine, links, outcome, step);
            }

            step[0] = "admin";
            String group = "load-" + client + "-" + round + "@corp.local";
            again(outcome, () -> {
                vc.addAdministrator(group);
                return null;
            });
            assertThat(again(outcome, vc::administrators)).as(where + "its group is listed").contains(group);
            again(outcome, () -> {
                vc.removeAdministrator(group);
                return null;
            });
            assertThat(again(outcome, vc::administrators)).as(where + "its group is gone").doesNotContain(group);
        } catch (RuntimeException | AssertionError e) {
            outcome.unexpected.add(where + step[0] + ": " + e);
        }
    }

    /**
     * Checks and deletes a link this client learned of. When a create's answer is lost, listing shows a link
     * to the domain, and the API cannot say whose: if another client's create raced this one, the link found
     * is that client's, and unlinking it takes it away from its creator. So the creator may find its link
     * gone (checked at the end against the links found), and the finder may find it already deleted.
     */
    private static void linkSteps(HlmClient vc, String id, boolean mine, List<Summary> links, Outcome outcome,
            String[] step) {
        try {
            if (mine) {
                step[0] = "get";
                if (links.stream().noneMatch(l -> l.link().equals(id))) {
                    outcome.takenAway.add(id);
                    return;
                }
                assertThat(again(outcome, () -> vc.getLink(id)).connectionHealthStatus()).isEqualTo(HealthStatus.HEALTHY);
            }
            step[0] = "delete";
            for (int attempt = 1; ; attempt++) {
                try {
                    again(outcome, () -> {
                        vc.deleteLink(id);
                        return null;
                    });
                    break;
                } catch (TransportException e) {
                    // The answer was lost before the change (a connection the busy server closed): listing
                    // settled it as "not unlinked", a true report; a user would unlink again, and so does this.
                    if (attempt == 3 || !e.outcomeChecked() || !e.getMessage().endsWith(": not unlinked")) {
                        throw e;
                    }
                    outcome.notUnlinked.incrementAndGet();
                }
            }
            outcome.deleted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        } catch (ApiException.NotFound e) {
            if (mine) {
                outcome.takenAway.add(id);
            }
        }
    }

    /**
     * Runs a step again when the session was ended twice in one call: the client renews a session once per
     * call, and the faults can strike twice in a row. That error is injected; anything else is not.
     */
    private static <T> T again(Outcome outcome, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (ApiException.Unauthenticated e) {
                if (attempt == 3) {
                    throw e;
                }
                outcome.expiredTwice.incrementAndGet();
            }
        }
    }

    private static HlmClient client(Simulator sim) {
        return HlmClient.builder()
                .server(sim.cloudUrl())
                .username(sim.cloudAdminUsername())
                .password(sim.cloudAdminPassword())
                .trust(TrustPolicy.certificates(List.of(sim.cloudCertificate().certificate())))
                .requestTimeout(Duration.ofSeconds(30))
                .linkTimeout(Duration.ofSeconds(30))
                .retries(new RetryPolicy(6, Duration.ofMillis(5), Duration.ofMillis(100)))
                .build();
    }

    private static CreateSpec spec(Simulator sim) {
        return new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(), sim.pscAdminUsername(),
                sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null, null);
    }
}
