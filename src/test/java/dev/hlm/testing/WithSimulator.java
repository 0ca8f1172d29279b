package dev.hlm.testing;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each test of the annotated class, or the annotated test, gets a fresh simulator: declare a parameter of type
 * {@link dev.hlm.sim.Simulator}, and of type {@link dev.hlm.client.HlmClient} for a client of its cloud
 * vCenter, logged in as its cloud administrator and trusting exactly its certificate. Both are closed after
 * the test, the client first; {@code @BeforeEach} methods that declare them get the test's own.
 *
 * <pre>{@code
 * @WithSimulator
 * class LinkStoryIT {
 *     @Test
 *     void createThenList(Simulator sim, HlmClient vc) { ... }
 *
 *     @Test
 *     @WithSimulator(faults = "create:drop=after")   // the test's own settings replace the class's
 *     void aLostAnswerIsSettledByListing(Simulator sim) { ... }
 * }
 * }</pre>
 *
 * A test that needs settings not offered here, or two simulators, uses {@code Simulator.builder()} itself.
 */
@Target({TYPE, METHOD})
@Retention(RUNTIME)
@Inherited
@Documented
@ExtendWith(SimulatorExtension.class)
public @interface WithSimulator {
    /** The vSphere release played; the builder's default (a test checks they agree). */
    ApiVersion apiVersion() default ApiVersion.V8_0_1;

    /** The cloud-side appliance played; the builder's default (a test checks they agree). */
    Role role() default Role.CLOUD_VCENTER;

    /** Faults in the grammar of {@code hlm sim --fault} (docs/reliability.md), e.g. {@code "list:stall"}. */
    String[] faults() default {};

    /** How long a create takes, as {@link java.time.Duration#parse} reads it: {@code "PT5M"}, {@code "PT0.3S"}. */
    String linkDelay() default "PT0S";

    /** The PSC is named by an address only the cloud vCenter reaches (a client cannot fetch its certificate). */
    boolean pscReachableOnlyFromCloud() default false;
}
