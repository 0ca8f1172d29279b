/**
 * Plumbing of the JDK's HttpClient that the client library and the simulator share: one pool for the
 * asynchronous work of all their HttpClients, and a way to end a client's selector thread, which Java 17 does
 * not offer. Imports nothing of the project.
 */
package dev.hlm.http;
