/**
 * The simulated vCenter's apiexplorer (decision D19): Swagger UI served from the {@code org.webjars:swagger-ui}
 * jar with the project's own initializer, and Swagger 2.0 documents, one per API package, built from one
 * {@link dev.hlm.sim.explorer.ExplorerOperation} per operation. The simulator says which operations its version
 * and flavors have; this package only renders and serves them. Imports {@code dev.hlm.api} only.
 */
package dev.hlm.sim.explorer;
