package dev.hlm.cli.fleet;

import dev.hlm.cli.CliException;
import dev.hlm.fleet.DesiredLink;
import dev.hlm.fleet.Fleet;
import dev.hlm.fleet.FleetTarget;
import dev.hlm.fleet.PasswordResolver;
import dev.hlm.fleet.SecretRef;
import dev.hlm.fleet.TargetProblem;
import dev.hlm.fleet.TargetTrust;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One target of a fleet file as the {@code HLM_*} variables every command already reads: its server, account and
 * trust, and for a linked target its PSC, domain and PSC account. A password from {@code env:} or {@code file:} is
 * filled in; {@code prompt} is left out, so the command asks as it would without a target.
 */
public final class NamedTarget {
    private NamedTarget() {}

    /**
     * The target called {@code name}, and the real environment over its variables (a variable set in the
     * environment wins).
     *
     * @param fleetFile the file given with {@code --fleet}, or null for the usual search
     */
    public static Chosen choose(String name, Path fleetFile, Map<String, String> env) {
        Fleet fleet = FleetOptions.read(fleetFile, env);
        FleetTarget target = FleetOptions.named(fleet, name);
        return new Chosen(target, environment(target, env));
    }

    /**
     * A target chosen with {@code --target}: its entry, for what no variable carries (its link's administrator
     * groups and PSC certificate file), and the environment the run sees.
     */
    public record Chosen(FleetTarget target, Map<String, String> env) {}

    private static Map<String, String> environment(FleetTarget target, Map<String, String> env) {
        String name = target.name();
        PasswordResolver passwords = new PasswordResolver(env, null);
        Map<String, String> merged = new HashMap<>();
        merged.put("HLM_SERVER", target.server());
        merged.put("HLM_USERNAME", target.username());
        put(merged, "HLM_PASSWORD", target.password(), passwords, name);
        TargetTrust trust = target.trust();
        trust.caCert().ifPresent(p -> merged.put("HLM_CA_CERT", p.toString()));
        trust.thumbprint().ifPresent(t -> merged.put("HLM_THUMBPRINT", t));
        trust.knownHosts().ifPresent(p -> merged.put("HLM_KNOWN_HOSTS", p.toString()));
        if (trust.insecure()) {
            merged.put("HLM_INSECURE", "true");
        }
        if (target.link().isPresent()) {
            DesiredLink link = target.link().get();
            merged.put("HLM_PSC_HOSTNAME", link.pscHostname());
            merged.put("HLM_PSC_PORT", Integer.toString(link.pscPort()));
            merged.put("HLM_DOMAIN_NAME", link.domainName());
            merged.put("HLM_PSC_USERNAME", link.pscUsername());
            put(merged, "HLM_PSC_PASSWORD", link.pscPassword(), passwords, name);
            link.pscThumbprint().ifPresent(t -> merged.put("HLM_PSC_THUMBPRINT", t));
        } else if (target.unlinkAccount().isPresent()) {
            merged.put("HLM_PSC_USERNAME", target.unlinkAccount().get().username());
            put(merged, "HLM_PSC_PASSWORD", target.unlinkAccount().get().password(), passwords, name);
        }
        env.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                merged.put(k, v);
            }
        });
        return merged;
    }

    private static void put(Map<String, String> merged, String variable, SecretRef ref, PasswordResolver passwords,
            String target) {
        if (ref instanceof SecretRef.Prompt) {
            return;
        }
        try {
            merged.put(variable, new String(passwords.resolve(ref, variable + " of target " + target)));
        } catch (TargetProblem e) {
            throw CliException.usage("--target " + target + ": " + e.getMessage(), "set it, or give the password as usual");
        }
    }
}
