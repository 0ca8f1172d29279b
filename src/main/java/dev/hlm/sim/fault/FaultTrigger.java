package dev.hlm.sim.fault;

/**
 * How often a fault strikes among the calls its route covers: on every {@code every}-th call, then with
 * {@code probability}, and at most {@code times} times in all (0: no limit).
 */
public record FaultTrigger(int every, double probability, int times) {
    /** Every call, always. */
    public static final FaultTrigger ALWAYS = new FaultTrigger(1, 1.0, 0);

    public FaultTrigger {
        if (every < 1) {
            throw new IllegalArgumentException("every=" + every + ": give a count of 1 or more");
        }
        if (!(probability > 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("p=" + probability + ": give a probability above 0 and at most 1");
        }
        if (times < 0) {
            throw new IllegalArgumentException("times=" + times + ": give a count of 1 or more");
        }
    }

    /** The text after the action, e.g. {@code ,every=3,times=1}; empty for {@link #ALWAYS}. */
    String spec() {
        StringBuilder s = new StringBuilder();
        if (every != 1) {
            s.append(",every=").append(every);
        }
        if (probability != 1.0) {
            s.append(",p=").append(probability);
        }
        if (times != 0) {
            s.append(",times=").append(times);
        }
        return s.toString();
    }
}
