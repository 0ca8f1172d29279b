package dev.hlm.fleet;

/** Hears apply's progress, from the worker threads, for a live table; every method is called concurrently. */
public interface ApplyListener {
    ApplyListener NONE = new ApplyListener() {};

    /** {@code target} begins {@code step} (its description). */
    default void stepStarted(String target, String step) {}

    default void finished(TargetReport report) {}
}
