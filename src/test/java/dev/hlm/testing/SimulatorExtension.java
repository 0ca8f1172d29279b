package dev.hlm.testing;

import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmClientBuilder;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.SimulatorBuilder;
import dev.hlm.sim.fault.Fault;
import dev.hlm.tls.TrustPolicy;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Hands a test a fresh simulator and a client that trusts exactly its certificate, as parameters, and closes
 * both after the test: the way govmomi's {@code simulator.Test} and okhttp's MockWebServer serve their tests.
 * Used through {@link WithSimulator}, which also holds the simulator's settings.
 */
public final class SimulatorExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);

    /** The settings of a bare {@code @ExtendWith(SimulatorExtension.class)}: the annotation's defaults. */
    @WithSimulator
    private static final class Defaults {}

    /**
     * A client of the simulator's cloud vCenter as its cloud administrator, trusting its certificate and no
     * other (never the JDK's trust store, never "insecure"); for a test that sets timeouts or a listener.
     */
    public static HlmClientBuilder clientOf(Simulator sim) {
        return HlmClient.builder()
                .server(sim.cloudUrl())
                .username(sim.cloudAdminUsername())
                .password(sim.cloudAdminPassword())
                .trust(TrustPolicy.certificates(List.of(sim.cloudCertificate().certificate())));
    }

    /** The builder {@link WithSimulator} settings stand for; not yet started. */
    static SimulatorBuilder builderFor(WithSimulator settings) {
        SimulatorBuilder builder = Simulator.builder()
                .apiVersion(settings.apiVersion())
                .role(settings.role())
                .linkDelay(Duration.parse(settings.linkDelay()));
        for (String fault : settings.faults()) {
            builder.fault(Fault.parse(fault));
        }
        if (settings.pscReachableOnlyFromCloud()) {
            builder.pscReachableOnlyFromCloud();
        }
        return builder;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        // Methods only: a constructor would share one simulator between the tests of an instance.
        return parameter.getDeclaringExecutable() instanceof Method
                && (type == Simulator.class || type == HlmClient.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Stored in the test's own context: its @BeforeEach methods share it, and JUnit closes it after the test.
        Fixture fixture = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Fixture.class, key -> new Fixture(builderFor(settings(context)).build()), Fixture.class);
        return parameter.getParameter().getType() == Simulator.class ? fixture.simulator : fixture.client();
    }

    /** The nearest {@link WithSimulator}: on the test, else its class, else an enclosing class of a nested one. */
    private static WithSimulator settings(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<WithSimulator> found = AnnotationSupport.findAnnotation(c.get().getElement(), WithSimulator.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Defaults.class.getAnnotation(WithSimulator.class);
    }

    /** One test's simulator, and its client once a parameter asks for one. */
    private static final class Fixture implements AutoCloseable {
        final Simulator simulator;
        private HlmClient client;

        Fixture(Simulator simulator) {
            this.simulator = simulator;
        }

        synchronized HlmClient client() {
            if (client == null) {
                client = clientOf(simulator).build();
            }
            return client;
        }

        @Override
        public synchronized void close() {
            // The client logs out first, so a test's sessions end at a simulator still there to end them.
            try (Simulator s = simulator) {
                if (client != null) {
                    client.close();
                }
            }
        }
    }
}
