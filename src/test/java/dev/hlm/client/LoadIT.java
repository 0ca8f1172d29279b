package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.HealthStatus;
import dev.hlm.api.Summary;
import dev.hlm.sim.LinkEvent;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.SimulatorBuilder;
import dev.hlm.sim.fault.Fault;
import dev.hlm.sim.fault.FaultAction;
import dev.hlm.sim.fault.FaultRoute;
import dev.hlm.testing.SimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulator under load, with faults: 32 clients at once, each in a loop of login, create (they compete
 * for the one link a cloud vCenter holds, so ALREADY_EXISTS is an expected answer), list, get, delete, adding,
 * listing and removing a group of its own, and logout. Afterwards no link is lost or duplicated, no group is
 * left, no session is open, no client saw an error that was not injected or expected, and the simulator
 * still answers.
 *
 * <p>What clients report is checked against what the simulator did ({@link Simulator#linkHistory()}), so a
 * link created or removed behind a client's back, or reported unlinked by more clients than knew of it,
 * fails the test.
 *
 * <p>{@link #thirtyTwoClientsForABoundedNumberOfRounds()} runs in every build, and so does the soak variant,
 * which runs the same loop for a fixed time: {@value #SOAK_DEFAULT}, or as long as
 * {@code mvn verify -Dtest=LoadIT -Dhlm.soak=10m} asks; only the quick loop ({@code -Pquick}) leaves it out.
 */
class LoadIT {
    private static final int CLIENTS = 32;
    private static final int ROUNDS = 10;
    private static final String SOAK_DEFAULT = "30s";

    /** Faults on every route but login's answer (a lost login answer would leave a session to idle out). */
    private static final List<String> FAULTS = List.of(
            "any:latency=5ms,p=0.1",
            "login:error=SERVICE_UNAVAILABLE,p=0.05",
            "create:error=SERVICE_UNAVAILABLE,p=0.05",
            "create:drop=after,p=0.05",
            "create:drop=before,p=0.02",
            "create:expire,p=0.03",
            "list:error=SERVICE_UNAVAILABLE,p=0.05",
            "list:body=truncated,p=0.03",
            "list:expire,p=0.02",
            "get:drop=before,p=0.05",
            "delete:error=SERVICE_UNAVAILABLE,p=0.05",
            "delete:drop=after,p=0.05",
            "delete:drop=before,p=0.02",
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

    /** Runs in every build for {@value #SOAK_DEFAULT}; {@code -Dhlm.soak=10m} runs longer, {@code -Dhlm.soak=0s} not at all. */
    @Tag("soak") // runs for a fixed time, 30 s by default
    @Test
    void soakForAFixedTime() throws Exception {
        Duration soak = soakDuration(System.getProperty("hlm.soak", SOAK_DEFAULT));
        assumeThat(soak).as("-Dhlm.soak=0s skips the soak").isPositive();
        Instant end = Instant.now().plus(soak);
        Outcome outcome = run(round -> Instant.now().isBefore(end));
        assertThat(outcome.rounds.get()).isGreaterThan(0);
        System.out.printf("soak %s: %d rounds, %d links created, %d found after a lost answer, %d ALREADY_EXISTS, "
                        + "%d not linked, %d not unlinked, %d calls whose session was ended twice%n", soak,
                outcome.rounds.get(), outcome.created.size(), outcome.found.size(), outcome.alreadyExists.get(),
                outcome.notLinked.get(), outcome.notUnlinked.get(), outcome.expiredTwice.get());
    }

    private static Duration soakDuration(String text) {
        if (!text.matches("\\d+[sm]")) {
            throw new IllegalArgumentException("-Dhlm.soak wants a number of seconds or minutes, e.g. 30s or 10m: " + text);
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
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
        /** For each link id, who reported it unlinked, and how: answered, or settled by listing. */
        final Map<String, List<String>> unlinked = new ConcurrentHashMap<>();
        /** Links a client created and then saw gone: another client found it after a lost answer and unlinked it. */
        final List<String> takenAway = new CopyOnWriteArrayList<>();
        final AtomicInteger alreadyExists = new AtomicInteger();
        final AtomicInteger notLinked = new AtomicInteger();
        final AtomicInteger notUnlinked = new AtomicInteger();
        final AtomicInteger expiredTwice = new AtomicInteger();
        final AtomicInteger rounds = new AtomicInteger();
        /** Changes whose answer a client lost, by operation ("create link", "delete link"). */
        final Map<String, AtomicInteger> answersLost = new ConcurrentHashMap<>();

        long answersLost(String operation) {
            AtomicInteger n = answersLost.get(operation);
            return n == null ? 0 : n.get();
        }

        /** How many clients learned of the link: its creator, and each that found it after a lost answer. */
        long learners(String id) {
            return created.stream().filter(id::equals).count() + found.stream().filter(id::equals).count();
        }
    }

    private Outcome run(Rounds rounds) throws Exception {
        SimulatorBuilder builder = Simulator.builder().seed(20240611L);
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

        // What the simulator did: each link it created, it removed, once; none is left.
        List<String> made = idsOf(sim.linkHistory(), LinkEvent.Kind.CREATED);
        List<String> removed = idsOf(sim.linkHistory(), LinkEvent.Kind.REMOVED);
        assertThat(made).as("link ids the simulator created").doesNotHaveDuplicates();
        assertThat(removed).as("links the simulator removed").containsExactlyInAnyOrderElementsOf(made);
        assertThat(sim.links()).as("a link left behind").isEmpty();

        // What the clients believe matches: no link lost (one nobody learned of, or nobody unlinked), none
        // duplicated (an id answered twice), none invented (an id the simulator never made).
        assertThat(outcome.created).as("a link id answered twice").doesNotHaveDuplicates();
        assertThat(made).as("links the clients learned of, by answer or by listing")
                .containsAll(outcome.created).containsAll(outcome.found)
                .allSatisfy(id -> assertThat(outcome.learners(id)).as("clients that learned of " + id).isPositive());
        assertThat(outcome.unlinked.keySet()).as("links some client reported unlinked")
                .containsExactlyInAnyOrderElementsOf(made);
        // One DELETE removes a link, so one client at most hears it answered. Others that knew of the link
        // (it was found after a lost answer) may report it unlinked too: their own lost answer was settled
        // by a listing that cannot tell whose call removed it.
        outcome.unlinked.forEach((id, reports) -> assertThat(reports).as("answered unlinks of " + id)
                .filteredOn(r -> r.endsWith("answered")).hasSizeLessThanOrEqualTo(1));
        assertThat(outcome.takenAway).as("links taken from their creator, each by a client that found it")
                .allSatisfy(id -> assertThat(outcome.found).contains(id));

        // Every answer lost was a connection the simulator dropped on purpose, none lost by accident.
        assertThat(outcome.answersLost("create link")).as("creates whose answer was lost")
                .isEqualTo(dropsStruck(sim, FaultRoute.CREATE));
        assertThat(outcome.answersLost("delete link")).as("deletes whose answer was lost")
                .isEqualTo(dropsStruck(sim, FaultRoute.DELETE));
        assertThat(outcome.answersLost("add administrator")).as("group adds whose answer was lost")
                .isEqualTo(dropsStruck(sim, FaultRoute.ADMIN_ADD));
        assertThat(outcome.answersLost("remove administrator")).as("group removals whose answer was lost")
                .isEqualTo(dropsStruck(sim, FaultRoute.ADMIN_REMOVE));

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
            String id = vc.createLink(spec(sim)).id();
            assertThat(vc.listLinks()).extracting(Summary::link).containsExactly(id);
            vc.deleteLink(id, Optional.empty());
            assertThat(vc.listLinks()).isEmpty();
        }
        assertThat(sim.openSessions()).isZero();
    }

    private static long dropsStruck(Simulator sim, FaultRoute route) {
        return sim.faultsStruck().entrySet().stream()
                .filter(e -> e.getKey().route() == route && e.getKey().action() instanceof FaultAction.Drop)
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static List<String> idsOf(List<LinkEvent> history, LinkEvent.Kind kind) {
        return history.stream().filter(e -> e.kind() == kind).map(LinkEvent::linkId).toList();
    }

    /** One client's round: a new session, the link steps, the group steps, logout. */
    private static void oneRound(Simulator sim, int client, int round, Outcome outcome) {
        String where = "client " + client + " round " + round + ": ";
        String[] step = {"login"};
        Listener settled = new Listener(outcome);
        try (HlmClient vc = client(sim, settled)) {
            step[0] = "create";
            String link = null;
            boolean mine = false;
            try {
                CreatedLink created = again(outcome, () -> vc.createLink(spec(sim)));
                link = created.id();
                mine = !created.foundAfterLostAnswer();
                (mine ? outcome.created : outcome.found).add(link);
            } catch (ApiException.AlreadyExists e) {
                outcome.alreadyExists.incrementAndGet();
            } catch (TransportException e) {
                if (listingMetASecondExpiry(e)) {
                    // The outcome is unknown, as reported: the user lists the links to learn it, and so does this.
                    outcome.expiredTwice.incrementAndGet();
                    Optional<Summary> listed = again(outcome, vc::listLinks).stream()
                            .filter(l -> l.displayName().equalsIgnoreCase(sim.domainName())).findFirst();
                    if (listed.isPresent()) {
                        link = listed.get().link();
                        outcome.found.add(link);
                    } else {
                        outcome.notLinked.incrementAndGet();
                    }
                } else if (e.outcomeChecked() && e.getMessage().endsWith(": not linked")) {
                    // A lost answer that listing settled as "not linked" is a true, expected report.
                    outcome.notLinked.incrementAndGet();
                } else {
                    throw e;
                }
            }

            step[0] = "list";
            List<Summary> links = again(outcome, vc::listLinks);
            assertThat(links).as(where + "one domain at most").hasSizeLessThanOrEqualTo(1);
            if (link != null) {
                linkSteps(vc, link, mine, links, outcome, step, settled, where);
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
            outcome.unexpected.add(where + step[0] + ": " + e + " (" + settled + ")");
        }
    }

    /**
     * Checks and deletes a link this client learned of. When a create's answer is lost, listing shows a link
     * to the domain, and the API cannot say whose: if another client's create raced this one, the link found
     * is that client's, and unlinking it takes it away from its creator. So the creator may find its link
     * gone (checked at the end against the links found), and the finder may find it already deleted.
     */
    private static void linkSteps(HlmClient vc, String id, boolean mine, List<Summary> links, Outcome outcome,
            String[] step, Listener settled, String where) {
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
            settled.unlink = false;
            for (int attempt = 1; ; attempt++) {
                try {
                    again(outcome, () -> {
                        vc.deleteLink(id, Optional.empty());
                        return null;
                    });
                    break;
                } catch (TransportException e) {
                    if (attempt < 3 && listingMetASecondExpiry(e)) {
                        // Outcome unknown, as reported: list, as a user would; gone means this call unlinked it.
                        outcome.expiredTwice.incrementAndGet();
                        if (again(outcome, vc::listLinks).stream().noneMatch(l -> l.link().equals(id))) {
                            settled.unlink = true;
                            break;
                        }
                        continue;
                    }
                    // The answer was lost before the change (an injected drop): listing settled it as "not
                    // unlinked", a true report; a user would unlink again, and so does this.
                    if (attempt == 3 || !e.outcomeChecked() || !e.getMessage().endsWith(": not unlinked")) {
                        throw e;
                    }
                    outcome.notUnlinked.incrementAndGet();
                }
            }
            outcome.unlinked.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                    .add(where + (settled.unlink ? "settled by listing" : "answered"));
        } catch (ApiException.NotFound e) {
            if (mine) {
                outcome.takenAway.add(id);
            }
        }
    }

    /**
     * The listing that settles a lost answer met an injected expiry twice (one new login per call): the
     * client reports the outcome unknown, truly.
     */
    private static boolean listingMetASecondExpiry(TransportException e) {
        return e.outcomeChecked() && e.getMessage().contains("failed too (UNAUTHENTICATED");
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

    /**
     * Counts the answers lost, hears whether an unlink's lost answer was settled by listing, and keeps the
     * round's recoveries, to explain a failure.
     */
    private static final class Listener implements RecoveryListener {
        private final Outcome outcome;
        private final List<String> events = new ArrayList<>();
        volatile boolean unlink;

        Listener(Outcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public void retrying(String operation, int retry, int retries, Duration pause, HlmException cause) {
            events.add(operation + ": retry " + retry + " after " + cause.getMessage());
            // An idempotent change whose connection was lost is repeated, not settled by listing: count it too.
            if (cause instanceof TransportException t && t.kind() == TransportException.Kind.CONNECT
                    && operation.endsWith(" administrator")) {
                outcome.answersLost.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            }
        }

        @Override
        public void loggingInAgain(String operation, ApiException cause) {
            events.add(operation + ": logging in again after " + cause.getMessage());
        }

        @Override
        public void answerLost(String operation, TransportException cause) {
            events.add(operation + ": answer lost: " + cause.getMessage());
            outcome.answersLost.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void outcomeFound(String operation, String found) {
            events.add(operation + ": " + found);
            if (operation.equals("delete link")) {
                unlink = true;
            }
        }

        @Override
        public String toString() {
            return events.isEmpty() ? "no recoveries" : "recoveries: " + String.join("; ", events);
        }
    }

    private static HlmClient client(Simulator sim) {
        return client(sim, RecoveryListener.NONE);
    }

    private static HlmClient client(Simulator sim, RecoveryListener listener) {
        return SimulatorExtension.clientOf(sim).listener(listener)
                .requestTimeout(Duration.ofSeconds(30))
                .linkTimeout(Duration.ofSeconds(30))
                // Some 10% of the calls on a route meet a fault that is repeated (a 503, a lost answer of an
                // idempotent change): with 10 repeats, a call that fails every try comes once in 10^11, not
                // once in 10^7 as with 6, which a 30 s soak of some 8,000 group changes met once.
                .retries(new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(100)))
                .build();
    }

    private static CreateSpec spec(Simulator sim) {
        return new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(), sim.pscAdminUsername(),
                sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null, null);
    }
}
