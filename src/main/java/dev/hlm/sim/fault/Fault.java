package dev.hlm.sim.fault;

import java.util.Objects;

/**
 * One fault: on which calls ({@link FaultRoute}), what goes wrong ({@link FaultAction}) and how often
 * ({@link FaultTrigger}). Its {@link #toString()} is its spec, which {@link #parse} reads back.
 *
 * <pre>{@code
 * Fault.on(FaultRoute.CREATE, FaultAction.dropAfter()).times(1)     // create:drop=after,times=1
 * Fault.parse("list:latency=2s,every=3")
 * }</pre>
 */
public record Fault(FaultRoute route, FaultAction action, FaultTrigger trigger) {
    public Fault {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(trigger, "trigger");
    }

    /** The fault on every call of the route. */
    public static Fault on(FaultRoute route, FaultAction action) {
        return new Fault(route, action, FaultTrigger.ALWAYS);
    }

    /** Reads a spec such as {@code create:error=SERVICE_UNAVAILABLE,times=1} (grammar: {@link FaultSpec}). */
    public static Fault parse(String spec) {
        return FaultSpec.parse(spec);
    }

    /** Only every n-th call of the route (the n-th, 2n-th, ...). */
    public Fault every(int n) {
        return new Fault(route, action, new FaultTrigger(n, trigger.probability(), trigger.times()));
    }

    /** Only with this probability, drawn from the simulator's seeded random source. */
    public Fault probability(double p) {
        return new Fault(route, action, new FaultTrigger(trigger.every(), p, trigger.times()));
    }

    /** At most n times in all. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times=" + n + ": give a count of 1 or more");
        }
        return new Fault(route, action, new FaultTrigger(trigger.every(), trigger.probability(), n));
    }

    @Override
    public String toString() {
        return route.specName() + ":" + action.spec() + trigger.spec();
    }
}
