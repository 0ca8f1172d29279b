package dev.hlm.sim;

import dev.hlm.api.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Create specs for the simulator tests, built as maps so a test can drop or spoil any field. */
final class SimFixtures {
    private SimFixtures() {}

    /** A spec the simulator's own PSC accepts: right host, port, SHA-256 thumbprint, account and domain. */
    static Map<String, Object> goodSpec(Simulator sim) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("psc_hostname", sim.pscHostname());
        spec.put("port", Integer.toString(sim.pscPort()));
        spec.put("domain_name", sim.domainName());
        spec.put("username", sim.pscAdminUsername());
        spec.put("password", new String(sim.pscAdminPassword()));
        spec.put("ssl_thumbprint", sim.pscCertificate().sha256().toString());
        spec.put("admin_groups", List.of("cloud-admins@corp.local"));
        return spec;
    }

    static String api(Map<String, Object> spec) {
        return Json.write(spec);
    }

    static String rest(Map<String, Object> spec) {
        return Json.write(Map.of("spec", spec));
    }
}
