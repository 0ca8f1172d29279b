package dev.hlm.fleet;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.api.HealthStatus;
import dev.hlm.api.Info;
import dev.hlm.api.Summary;
import dev.hlm.client.ApiException;
import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmException;
import dev.hlm.client.HlmOperation;
import dev.hlm.tls.SmallFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One run over a fleet: its targets' passwords resolved up front (so a {@code prompt} asks before anything runs
 * in parallel), one client per target opened on first use, at most {@code parallel} targets worked on at once, and
 * one target's failure never stopping another's. A client is kept from plan to apply only where the plan has
 * changes; every other target is logged out as soon as it is done, so that a large fleet holds connections (and
 * the HTTP client's threads) only for the targets still at work. Closing logs out whatever is left.
 * The machinery is the client's: idempotent create, lost-answer reconciliation, trust checks and the right unlink
 * call per role and version.
 */
public final class FleetSession implements AutoCloseable {
    private final Fleet fleet;
    private final TargetClients clients;
    private final ExecutorService workers;
    private final Map<String, Secrets> secrets = new LinkedHashMap<>();
    private final Map<String, HlmClient> open = new LinkedHashMap<>();

    /** A target's passwords, or why they could not be had. */
    private record Secrets(char[] cloud, char[] psc, char[] unlink, TargetProblem problem) {}

    public FleetSession(Fleet fleet, TargetClients clients, PasswordResolver passwords, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        this.fleet = fleet;
        this.clients = clients;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, fleet.targets().size())), task -> {
            Thread t = new Thread(task, "hlm-fleet-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (FleetTarget target : fleet.targets()) {
            secrets.put(target.name(), resolve(target, passwords));
        }
    }

    private static Secrets resolve(FleetTarget target, PasswordResolver passwords) {
        try {
            char[] cloud = passwords.resolve(target.password(),
                    "the password of " + target.username() + " on " + target.name());
            char[] psc = target.link().isEmpty() ? null : passwords.resolve(target.link().get().pscPassword(),
                    "the PSC password of " + target.link().get().pscUsername() + " for " + target.name());
            char[] unlink = target.unlinkAccount().isEmpty() ? null : passwords.resolve(target.unlinkAccount().get().password(),
                    "the on-prem password of " + target.unlinkAccount().get().username() + " for " + target.name());
            return new Secrets(cloud, psc, unlink, null);
        } catch (TargetProblem problem) {
            return new Secrets(null, null, null, problem);
        }
    }

    public Fleet fleet() {
        return fleet;
    }

    /** What apply would do on every target, in the file's order; a target that cannot be read is UNKNOWN, saying why. */
    public List<TargetPlan> plan() {
        return forEachTarget(target -> {
            TargetPlan plan;
            try {
                plan = Planner.plan(target, client(target));
            } catch (TargetProblem | HlmException | IllegalArgumentException e) {
                plan = TargetPlan.unknown(target.name(), oneLine(e), null);
            }
            if (plan.kind() != TargetPlan.Kind.CHANGES) {
                release(target); // nothing for apply to do here
            }
            return plan;
        });
    }

    /**
     * Makes the planned steps, target by target in parallel, each target's steps in order; a target whose plan is
     * UNKNOWN is reported failed with its reason, one in sync converged with nothing done.
     */
    public List<TargetReport> apply(List<TargetPlan> plans, ApplyListener listener) {
        Map<String, TargetPlan> byTarget = new LinkedHashMap<>();
        plans.forEach(p -> byTarget.put(p.target(), p));
        return forEachTarget(target -> {
            TargetReport report = apply(target, byTarget.get(target.name()), listener);
            release(target);
            listener.finished(report);
            return report;
        });
    }

    private TargetReport apply(FleetTarget target, TargetPlan plan, ApplyListener listener) {
        long start = System.nanoTime();
        List<String> done = new ArrayList<>();
        if (plan == null || plan.kind() == TargetPlan.Kind.UNKNOWN) {
            return new TargetReport(target.name(), false, done, null,
                    plan == null ? "not planned" : plan.reason(), elapsed(start));
        }
        for (Step step : plan.steps()) {
            listener.stepStarted(target.name(), step.describe());
            try {
                make(target, step);
                done.add(step.describe());
            } catch (TargetProblem | HlmException | IllegalArgumentException e) {
                return new TargetReport(target.name(), false, done, step.describe(), oneLine(e), elapsed(start));
            }
        }
        return new TargetReport(target.name(), true, done, null, null, elapsed(start));
    }

    private void make(FleetTarget target, Step step) {
        HlmClient vc = client(target);
        if (step instanceof Step.CreateLink create) {
            createLink(target, vc, create);
        } else if (step instanceof Step.AddGroup add) {
            vc.addAdministrator(add.group());
        } else if (step instanceof Step.RemoveGroup remove) {
            vc.removeAdministrator(remove.group());
        } else if (step instanceof Step.Unlink unlink) {
            char[] password = secrets.get(target.name()).unlink();
            Optional<Credentials> onPrem = target.unlinkAccount()
                    .map(account -> new Credentials(account.username(), Arrays.copyOf(password, password.length)));
            try {
                vc.deleteLink(unlink.linkId(), onPrem);
            } catch (ApiException.NotFound gone) {
                // Unlinked meanwhile: the state asked for.
            }
        }
    }

    /** A create that finds the desired domain already linked (another run, a retry) has reached the state asked for. */
    private void createLink(FleetTarget target, HlmClient vc, Step.CreateLink step) {
        DesiredLink desired = target.link().orElseThrow();
        char[] password = secrets.get(target.name()).psc();
        CreateSpec spec = new CreateSpec(desired.pscHostname(), Integer.toString(desired.pscPort()), desired.domainName(),
                desired.pscUsername(), Arrays.copyOf(password, password.length), desired.pscThumbprint().orElse(null),
                desired.pscCertificate().map(FleetSession::readPem).orElse(null), step.adminGroups());
        try {
            vc.createLink(spec);
        } catch (ApiException.AlreadyExists exists) {
            boolean ours = vc.listLinks().stream().anyMatch(l -> l.displayName().equalsIgnoreCase(desired.domainName()));
            if (!ours) {
                throw exists;
            }
        } catch (ApiException.UnverifiedPeer | ApiException.InvalidRequest refused) {
            // vSphere 6.7 refuses an unverified certificate as INVALID_REQUEST; only the certificate it saw tells.
            Optional<String> seen = refused.certificateInfo().map(c -> c.sslThumbprint());
            if (refused instanceof ApiException.InvalidRequest && seen.isEmpty()) {
                throw refused;
            }
            throw new TargetProblem("the PSC's certificate is not verified" + seen.map(t -> "; it presents SHA-256 "
                    + t + ": check it, then set psc-thumbprint: " + t + " in the target's link").orElse(""));
        }
    }

    private static String readPem(java.nio.file.Path file) {
        try {
            return new String(SmallFiles.read(file, SmallFiles.TEXT_LIMIT), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TargetProblem("psc-certificate " + file + ": " + e.getMessage());
        }
    }

    /** Every target's link health, in the file's order. */
    public List<TargetStatus> status() {
        return forEachTarget(target -> {
            try {
                return status(target, client(target));
            } catch (TargetProblem | HlmException | IllegalArgumentException e) {
                return new TargetStatus(target.name(), TargetStatus.Health.UNREACHABLE, null, oneLine(e));
            } finally {
                release(target);
            }
        });
    }

    private static TargetStatus status(FleetTarget target, HlmClient vc) {
        List<Summary> links = vc.listLinks();
        if (links.isEmpty()) {
            return target.link().isEmpty()
                    ? new TargetStatus(target.name(), TargetStatus.Health.UNLINKED, null, "not linked, as the file says")
                    : new TargetStatus(target.name(), TargetStatus.Health.UNHEALTHY, null,
                            "not linked; the file says " + target.link().get().domainName());
        }
        Summary link = links.get(0);
        String domain = link.displayName();
        if (target.link().isEmpty() || !domain.equalsIgnoreCase(target.link().get().domainName())) {
            return new TargetStatus(target.name(), TargetStatus.Health.UNHEALTHY, domain, "linked to " + domain
                    + ", the file says " + target.link().map(DesiredLink::domainName).orElse("unlinked"));
        }
        if (!vc.about().offers(HlmOperation.LINK_GET)) {
            return new TargetStatus(target.name(), TargetStatus.Health.UNKNOWN, domain,
                    "linked; its health needs vSphere 8.0 Update 1 or later to read");
        }
        Info info = vc.getLink(link.link());
        boolean healthy = info.connectionHealthStatus() == HealthStatus.HEALTHY;
        String message = info.healthStatusMessage() != null ? info.healthStatusMessage().defaultMessage()
                : (healthy ? "linked to " : info.connectionHealthStatus() + ", linked to ") + domain;
        return new TargetStatus(target.name(), healthy ? TargetStatus.Health.HEALTHY : TargetStatus.Health.UNHEALTHY,
                domain, message);
    }

    /** The target's client, opened on first use and kept; a password problem is the target's failure. */
    private HlmClient client(FleetTarget target) {
        Secrets s = secrets.get(target.name());
        if (s.problem() != null) {
            throw s.problem();
        }
        synchronized (open) {
            HlmClient existing = open.get(target.name());
            if (existing != null) {
                return existing;
            }
        }
        HlmClient vc = clients.connect(target, s.cloud());
        synchronized (open) {
            open.put(target.name(), vc);
        }
        return vc;
    }

    /** Logs the target out now, if it has a client; a later step on it would log in again. Never throws. */
    private void release(FleetTarget target) {
        HlmClient vc;
        synchronized (open) {
            vc = open.remove(target.name());
        }
        if (vc != null) {
            vc.close();
        }
    }

    private <T> List<T> forEachTarget(Function<FleetTarget, T> work) {
        List<Future<T>> futures = new ArrayList<>();
        for (FleetTarget target : fleet.targets()) {
            futures.add(workers.submit(() -> work.apply(target)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a fleet worker failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    /**
     * The failure as one line. It may quote the server: whoever shows it escapes it (the command line does, with
     * SafeText), so it is escaped once, where it meets a terminal.
     */
    private static String oneLine(RuntimeException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Logs every target out, side by side, and forgets the passwords. */
    @Override
    public void close() {
        List<HlmClient> clientsToClose;
        synchronized (open) {
            clientsToClose = new ArrayList<>(open.values());
            open.clear();
        }
        List<Future<?>> closing = new ArrayList<>();
        clientsToClose.forEach(vc -> closing.add(workers.submit(vc::close)));
        for (Future<?> f : closing) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // close() never throws; nothing to report.
            }
        }
        workers.shutdownNow();
        secrets.values().forEach(s -> {
            for (char[] c : new char[][] {s.cloud(), s.psc(), s.unlink()}) {
                if (c != null) {
                    Arrays.fill(c, '\0');
                }
            }
        });
    }
}
