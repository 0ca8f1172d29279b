package dev.hlm.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For tests of the simulator's routes: a fresh simulator for each test, raw HTTPS to its cloud vCenter that
 * trusts exactly its certificate, and a session of its cloud administrator; closed after the test.
 */
abstract class CloudSession {
    Simulator sim;
    SimHttp http;
    /** The cloud administrator's session header, for {@link SimHttp} calls. */
    String[] admin;

    @BeforeEach
    void start() {
        sim = Simulator.builder().build();
        http = SimHttp.cloud(sim);
        admin = SimHttp.session(http.loginApi(sim.cloudAdminUsername(), sim.cloudAdminPassword()));
    }

    @AfterEach
    void stop() {
        sim.close();
    }
}
