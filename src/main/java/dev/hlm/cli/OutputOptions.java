package dev.hlm.cli;

import dev.hlm.api.Json;
import picocli.CommandLine.Option;

/** {@code --json}: print the API records instead of text, for scripts. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print JSON (the API's records) instead of text")
    boolean json;

    public boolean json() {
        return json;
    }

    /** Prints {@code value} as pretty JSON. */
    public void printJson(CliContext ctx, Object value) {
        ctx.out().println(Json.writePretty(value));
        ctx.out().flush();
    }
}
