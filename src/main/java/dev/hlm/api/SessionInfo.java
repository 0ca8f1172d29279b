package dev.hlm.api;

/** {@code GET /api/session}: who the token belongs to. Times are ISO-8601 strings. */
public record SessionInfo(String user, String createdTime, String lastAccessedTime) {}
