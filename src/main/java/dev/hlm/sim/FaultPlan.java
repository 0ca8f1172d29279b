package dev.hlm.sim;

import dev.hlm.sim.fault.Fault;
import dev.hlm.sim.fault.FaultAction;
import dev.hlm.sim.fault.FaultRoute;
import dev.hlm.sim.fault.Injection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults in force on one server and what each has done so far: calls seen, times struck, its own random
 * source. Each fault's source is seeded from the simulator's seed and the fault's position, so a seeded run
 * that sends the same calls in the same order meets the same faults.
 */
final class FaultPlan {
    private static final int LOG_CAPACITY = 10_000;

    private final long seed;
    private final List<Active> faults = new ArrayList<>();
    private final Deque<Injection> log = new ArrayDeque<>();

    private static final class Active {
        final Fault fault;
        final Random random;
        long calls;
        long struck;

        Active(Fault fault, Random random) {
            this.fault = fault;
            this.random = random;
        }

        boolean strikes(FaultRoute call) {
            if (!fault.route().covers(call)) {
                return false;
            }
            calls++;
            if (fault.trigger().times() > 0 && struck >= fault.trigger().times()) {
                return false;
            }
            if (calls % fault.trigger().every() != 0) {
                return false;
            }
            // Drawn only for calls that reach this point, so every= and times= do not shift the sequence.
            if (fault.trigger().probability() < 1.0 && random.nextDouble() >= fault.trigger().probability()) {
                return false;
            }
            struck++;
            return true;
        }
    }

    /** What to do with one call: the latencies to add, then at most one other fault. */
    record Decision(List<FaultAction.Latency> latencies, Fault fault) {
        static final Decision NONE = new Decision(List.of(), null);

        boolean none() {
            return latencies.isEmpty() && fault == null;
        }
    }

    FaultPlan(long seed, List<Fault> faults) {
        this.seed = seed;
        faults.forEach(this::add);
    }

    synchronized void add(Fault fault) {
        faults.add(new Active(fault, new Random(seed * 31 + faults.size())));
    }

    synchronized void clear() {
        faults.clear();
    }

    /**
     * Every fault that covers the call counts it; latencies add up, and of the others the first listed that
     * strikes wins.
     */
    synchronized Decision decide(FaultRoute call, String method, String path) {
        if (faults.isEmpty()) {
            return Decision.NONE;
        }
        List<FaultAction.Latency> latencies = new ArrayList<>();
        Fault chosen = null;
        for (Active active : faults) {
            boolean isLatency = active.fault.action() instanceof FaultAction.Latency;
            if (!isLatency && chosen != null) {
                continue; // one fault per call besides latency; later faults keep their counts unchanged
            }
            if (active.strikes(call)) {
                record(new Injection(active.fault, method, path));
                if (isLatency) {
                    latencies.add((FaultAction.Latency) active.fault.action());
                } else {
                    chosen = active.fault;
                }
            }
        }
        return new Decision(List.copyOf(latencies), chosen);
    }

    synchronized List<Injection> injections() {
        return List.copyOf(log);
    }

    /** How often each fault in force struck, in the order given; never truncated, unlike the log. */
    synchronized Map<Fault, Long> struck() {
        Map<Fault, Long> counts = new LinkedHashMap<>();
        faults.forEach(a -> counts.merge(a.fault, a.struck, Long::sum));
        return counts;
    }

    private void record(Injection injection) {
        if (log.size() == LOG_CAPACITY) {
            log.removeFirst();
        }
        log.addLast(injection);
    }
}
