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
import dev.hlm.tls.Pem;
import dev.hlm.tls.Thumbprint;
import java.security.cert.X509Certificate;
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
 * One run over a fleet: its targets' cloud passwords resolved up front (so a {@code prompt} asks before anything
 * runs in parallel); what only a change needs (the PSC's password and certificate file for a create, the on-prem
 * password for an unlink) resolved by {@link #apply} for the targets whose plan makes that change, before any of
 * them is worked on, so that plan and status never need the on-prem administrator's password (a monitoring host
 * holds the cloud passwords alone). One client per target opened on first use, at most {@code parallel} targets worked on at once, and
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
    private final PasswordResolver passwords;
    private final Map<String, CloudPassword> cloudPasswords = new LinkedHashMap<>();
    /** Filled by apply, for the targets it changes; read by their workers. */
    private final Map<String, ChangeInputs> changeInputs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, HlmClient> open = new LinkedHashMap<>();

    /** A target's cloud password, or why it could not be had. */
    private record CloudPassword(char[] password, TargetProblem problem) {}

    /**
     * What a target's planned changes need beyond its cloud password, or why it could not be had.
     *
     * @param pscCertificate the leaf of the psc-certificate file in PEM, or null
     */
    private record ChangeInputs(char[] psc, String pscCertificate, char[] unlink, TargetProblem problem) {}

    public FleetSession(Fleet fleet, TargetClients clients, PasswordResolver passwords, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        this.fleet = fleet;
        this.clients = clients;
        this.passwords = passwords;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, fleet.targets().size())), task -> {
            Thread t = new Thread(task, "hlm-fleet-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (FleetTarget target : fleet.targets()) {
            CloudPassword cloud;
            try {
                cloud = new CloudPassword(passwords.resolve(target.password(),
                        "the password of " + target.username() + " on " + target.name()), null);
            } catch (TargetProblem problem) {
                cloud = new CloudPassword(null, problem);
            }
            cloudPasswords.put(target.name(), cloud);
        }
    }

    /** What {@code steps} need beyond the cloud password: read and checked now, before anything is sent. */
    private ChangeInputs changeInputs(FleetTarget target, List<Step> steps) {
        char[] psc = null;
        char[] unlink = null;
        try {
            String certificate = null;
            if (steps.stream().anyMatch(Step.CreateLink.class::isInstance)) {
                DesiredLink desired = target.link().orElseThrow();
                certificate = desired.pscCertificate().map(file -> pscCertificate(desired, file)).orElse(null);
                psc = passwords.resolve(desired.pscPassword(),
                        "the PSC password of " + desired.pscUsername() + " for " + target.name());
            }
            if (steps.stream().anyMatch(Step.Unlink.class::isInstance) && target.unlinkAccount().isPresent()) {
                unlink = passwords.resolve(target.unlinkAccount().get().password(),
                        "the on-prem password of " + target.unlinkAccount().get().username() + " for " + target.name());
            }
            return new ChangeInputs(psc, certificate, unlink, null);
        } catch (TargetProblem problem) {
            clear(psc);
            return new ChangeInputs(null, null, null, problem);
        }
    }

    /**
     * The psc-certificate file's first (leaf) certificate in PEM, as {@code link create --psc-certificate} sends
     * it: it says all a thumbprint says, so one given beside it must name the same certificate.
     */
    private static String pscCertificate(DesiredLink desired, java.nio.file.Path file) {
        X509Certificate leaf = LocalFiles.certificates("psc-certificate", file).get(0);
        if (desired.pscThumbprint().isPresent() && !Thumbprint.parse(desired.pscThumbprint().get()).matches(leaf)) {
            throw new TargetProblem("psc-certificate " + file + " (SHA-256 " + Thumbprint.sha256(leaf)
                    + ") is not the certificate of psc-thumbprint " + desired.pscThumbprint().get());
        }
        return Pem.toPem(leaf);
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
        // In the file's order, before the parallel work: a prompt asks one question at a time.
        for (FleetTarget target : fleet.targets()) {
            TargetPlan plan = byTarget.get(target.name());
            if (plan != null && plan.kind() == TargetPlan.Kind.CHANGES && !changeInputs.containsKey(target.name())) {
                changeInputs.put(target.name(), changeInputs(target, plan.steps()));
            }
        }
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
        ChangeInputs inputs = changeInputs.get(target.name());
        if (inputs != null && inputs.problem() != null && !plan.steps().isEmpty()) {
            return new TargetReport(target.name(), false, done, plan.steps().get(0).describe(),
                    inputs.problem().getMessage(), elapsed(start));
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
            char[] password = changeInputs.get(target.name()).unlink();
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
        ChangeInputs inputs = changeInputs.get(target.name());
        char[] password = inputs.psc();
        CreateSpec spec = new CreateSpec(desired.pscHostname(), Integer.toString(desired.pscPort()), desired.domainName(),
                desired.pscUsername(), Arrays.copyOf(password, password.length),
                inputs.pscCertificate() != null ? null : desired.pscThumbprint().orElse(null), inputs.pscCertificate(),
                step.adminGroups());
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

    /** Every target's link health, in the file's order. */
    public List<TargetStatus> status() {
        return forEachTarget(target -> {
            try {
                return status(target, client(target));
            } catch (TargetProblem local) {
                return new TargetStatus(target.name(), TargetStatus.Health.UNCHECKED, null, oneLine(local));
            } catch (HlmException | IllegalArgumentException e) {
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
        CloudPassword cloud = cloudPasswords.get(target.name());
        if (cloud.problem() != null) {
            throw cloud.problem();
        }
        synchronized (open) {
            HlmClient existing = open.get(target.name());
            if (existing != null) {
                return existing;
            }
        }
        HlmClient vc = clients.connect(target, cloud.password());
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
        cloudPasswords.values().forEach(c -> clear(c.password()));
        changeInputs.values().forEach(c -> {
            clear(c.psc());
            clear(c.unlink());
        });
    }

    private static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
