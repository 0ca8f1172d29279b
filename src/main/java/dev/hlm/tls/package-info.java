/**
 * Certificates and trust: thumbprints in the forms vSphere uses, PEM files, per-client trust policies
 * (system store, CA file, pinned thumbprint, known hosts, insecure) that never touch JVM-wide settings, and certificate
 * generation with BouncyCastle for the simulator and the tests. Imports only {@code dev.hlm.api}.
 */
package dev.hlm.tls;
