package dev.hlm.sim;

/**
 * What one simulated server has served since it started or since {@link Simulator#reset()}: for tests and
 * benchmarks that check how a client talks (one connection, no needless requests). Requests to the
 * simulator's own {@code /sim/} diagnostics, and the connections that carried them, are not counted.
 *
 * @param requests HTTP requests received
 * @param tlsHandshakes TLS handshakes begun, one per connection (the simulator never renegotiates)
 */
public record Traffic(long requests, long tlsHandshakes) {}
