package dev.hlm.api;

/** Body of {@code POST /api/hvc/links/{link}?action=delete} (8.0U1 and later). */
public record DeleteWithCredentialsBody(Credentials credentials) {}
