package dev.hlm.client;

/**
 * What a create did: the new link's id, and whether its answer was lost on the way, so that the client
 * learned of the link by listing (the link to the domain exists; whose create made it cannot be told).
 */
public record CreatedLink(String id, boolean foundAfterLostAnswer) {}
