package dev.hlm.api;

import java.util.List;

/** {@code com.vmware.vapi.std.localizable_message}: a message id, its English text and positional args. */
public record LocalizableMessage(String id, String defaultMessage, List<String> args) {
    public LocalizableMessage {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static LocalizableMessage of(String id, String defaultMessage, String... args) {
        return new LocalizableMessage(id, defaultMessage, List.of(args));
    }
}
