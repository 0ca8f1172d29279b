/**
 * The client library: {@link dev.hlm.client.HlmClient} speaks both flavors of the HLM API over one
 * kept-alive HTTPS connection with a per-client trust policy, and turns every failure into either an
 * {@link dev.hlm.client.ApiException} (the server said no, with its error type) or a
 * {@link dev.hlm.client.TransportException} (could not talk to it, or could not understand it).
 * Never imports {@code dev.hlm.sim}.
 */
package dev.hlm.client;
