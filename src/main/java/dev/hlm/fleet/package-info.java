/**
 * Fleets: many cloud vCenters kept linked from one file of desired state. {@link dev.hlm.fleet.FleetFiles}
 * reads {@code hlm.yaml} into a {@link dev.hlm.fleet.Fleet}. Built on the client library only
 * ({@code dev.hlm.client}, {@code dev.hlm.tls}, {@code dev.hlm.api}), so Java code uses it without the command line.
 */
package dev.hlm.fleet;
