/**
 * The two-party HLM simulator: a cloud vCenter (or Cloud Gateway) and an on-prem PSC, each a real HTTPS
 * server on loopback, serving the contract of {@code docs/decisions.md} in both flavors and in every
 * {@link dev.hlm.sim.ApiVersion}. The public surface is {@link dev.hlm.sim.Simulator} with its builder,
 * {@link dev.hlm.sim.ApiVersion}, {@link dev.hlm.sim.Role} and {@link dev.hlm.sim.RecordedRequest}, and the
 * fault model in {@code dev.hlm.sim.fault}; the rest is package-private. Imports {@code dev.hlm.api} and {@code dev.hlm.tls} only, never the client or the CLI.
 */
package dev.hlm.sim;
