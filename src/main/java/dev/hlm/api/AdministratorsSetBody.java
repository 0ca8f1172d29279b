package dev.hlm.api;

import java.util.List;

/** Body of {@code PUT .../hvc/management/administrators}: the whole set of groups, replacing the old one. */
public record AdministratorsSetBody(List<String> groupNames) {}
