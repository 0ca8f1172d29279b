package dev.hlm.cli;

import dev.hlm.sim.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment {@code eval "$(hlm sim)"} would give a shell, for a simulator started by a test. */
public final class SimEnv {
    private SimEnv() {}

    /** All HLM_* variables of the simulator, with its vCenter certificate written into {@code dir}. */
    public static Map<String, String> of(Simulator sim, Path dir) {
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
