package dev.hlm.api;

/** Body of {@code POST .../hvc/management/administrators?action=add|remove}. */
public record AdministratorGroupBody(String groupName) {}
