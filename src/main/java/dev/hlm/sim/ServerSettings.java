package dev.hlm.sim;

import dev.hlm.tls.GeneratedCertificate;
import java.time.Clock;
import java.time.Duration;

/**
 * What every simulated server is started with. {@link SimulatorBuilder} writes the fields of one
 * {@link CloudSettings} and one {@link PscSettings}, each field starting at its default; {@code build()} gives
 * the servers a snapshot that nothing writes, so later builder calls change nothing. A setting is a field
 * (with its default) in one of these classes, a builder method that sets it, and the server code that reads it.
 *
 * <p>The snapshot is a {@link Object#clone()}: it copies every field, so a field added later is copied
 * without another edit. Fields hold immutable values; a subclass copies its mutable ones (lists) itself.
 */
abstract class ServerSettings implements Cloneable {
    /** The common name of the certificate generated when none is given. */
    private final String certificateName;
    /** 0 lets the OS choose. */
    int port;
    /** The server's certificate; null until a snapshot generates one, unless given. */
    GeneratedCertificate certificate;
    /** Sessions unused for longer expire (decision D12). */
    Duration sessionIdleTimeout = Duration.ofMinutes(30);
    /** The server's clock (its Date header, session times) runs off by this (decision D14). */
    Duration clockOffset = Duration.ZERO;
    /** Added to every answer, to play the distance to the server. */
    Duration latency = Duration.ZERO;

    ServerSettings(String certificateName) {
        this.certificateName = certificateName;
    }

    /** Clock.offset by zero is the system clock itself, so an unskewed server keeps the JDK's own Date header. */
    Clock clock() {
        return Clock.offset(Clock.systemUTC(), clockOffset);
    }

    /** A field-by-field copy for one build, with a certificate generated if none was given. */
    ServerSettings copyForBuild() {
        ServerSettings copy;
        try {
            copy = (ServerSettings) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("ServerSettings is Cloneable", e);
        }
        if (copy.certificate == null) {
            copy.certificate = GeneratedCertificate.builder(certificateName).build();
        }
        return copy;
    }
}
