package dev.hlm.cli;

import dev.hlm.sim.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The environment {@code eval "$(hlm sim)"} would give a shell, for a simulator started by a test. */
public final class SimEnv {
    /** Simulators by URL, so {@link Cli} can check each command left none of its sessions open. */
    private static final Map<String, WeakReference<Simulator>> BY_URL = new ConcurrentHashMap<>();

    private SimEnv() {}

    /** The simulator whose environment has this HLM_SERVER, if a test made one with {@link #of}. */
    static Simulator simulatorAt(String server) {
        WeakReference<Simulator> ref = server == null ? null : BY_URL.get(server);
        return ref == null ? null : ref.get();
    }

    /** All HLM_* variables of the simulator, with its vCenter certificate written into {@code dir}. */
    public static Map<String, String> of(Simulator sim, Path dir) {
        BY_URL.put(sim.cloudUrl().toString(), new WeakReference<>(sim));
        Path ca = dir.resolve("vcenter-ca.pem");
        try {
            Files.writeString(ca, sim.cloudCertificate().pem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HashMap<>(SimServing.environment(sim, ca));
    }

    /** A copy of {@code env} with changes; a null value removes the variable. */
    public static Map<String, String> with(Map<String, String> env, String... keyValues) {
        Map<String, String> copy = new HashMap<>(env);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                copy.remove(keyValues[i]);
            } else {
                copy.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return copy;
    }
}
