package dev.hlm.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request a dry run held back instead of sending: what it would have changed, as it would have gone on the
 * wire, with every password in its body masked ({@link HttpTrace#maskBody}).
 *
 * @param operation the operation's name, e.g. {@code create link}
 * @param path the flavor's path with its query, e.g. {@code /api/hvc/links/ID?action=delete}
 * @param body the masked JSON body, or null when the request has none
 */
public record PlannedRequest(String operation, String method, String path, JsonNode body) {}
