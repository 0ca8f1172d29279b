package dev.hlm.sim.fault;

/** A fault the simulator injected: which one, into which request. */
public record Injection(Fault fault, String method, String path) {
    @Override
    public String toString() {
        return fault + " on " + method + " " + path;
    }
}
