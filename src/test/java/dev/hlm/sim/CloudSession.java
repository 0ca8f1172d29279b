package dev.hlm.sim;

import dev.hlm.testing.WithSimulator;
import org.junit.jupiter.api.BeforeEach;

/**
 * For tests of the simulator's routes: a fresh simulator for each test, raw HTTPS to its cloud vCenter that
 * trusts exactly its certificate, and a session of its cloud administrator; closed after the test.
 */
@WithSimulator
abstract class CloudSession {
    Simulator sim;
    SimHttp http;
    /** The cloud administrator's session header, for {@link SimHttp} calls. */
    String[] admin;

    @BeforeEach
    void start(Simulator sim) {
        this.sim = sim;
        http = SimHttp.cloud(sim);
        admin = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
    }
}
