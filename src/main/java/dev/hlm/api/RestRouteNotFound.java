package dev.hlm.api;

import java.util.List;

/**
 * The {@code /rest} routing-level 404 body (decision D13), a shape of its own:
 * {@code {"name":"com.vmware.vapi.rest.httpNotFound","localizableMessages":[...],"majorErrorCode":404}}.
 * Its field names are camelCase on the wire, hence the explicit names.
 */
public record RestRouteNotFound(
        @com.fasterxml.jackson.annotation.JsonProperty("name") String name,
        @com.fasterxml.jackson.annotation.JsonProperty("localizableMessages") List<Message> localizableMessages,
        @com.fasterxml.jackson.annotation.JsonProperty("majorErrorCode") int majorErrorCode) {

    public static final String NAME = "com.vmware.vapi.rest.httpNotFound";

    public record Message(
            @com.fasterxml.jackson.annotation.JsonProperty("defaultMessage") String defaultMessage,
            @com.fasterxml.jackson.annotation.JsonProperty("id") String id) {}

    public static RestRouteNotFound instance() {
        return new RestRouteNotFound(NAME, List.of(new Message("Not found.", NAME)), 404);
    }
}
