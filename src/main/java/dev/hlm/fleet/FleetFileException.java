package dev.hlm.fleet;

import java.nio.file.Path;

/**
 * A fleet file that cannot be used: it names the file, the line and the field, as {@code hlm.yaml:12:
 * targets[2].password: ...}. Never quotes a value that could be a password.
 */
public final class FleetFileException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String field;

    public FleetFileException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when the problem is the whole file (it does not exist, say). */
    public int line() {
        return line;
    }

    /** The field's path, as {@code targets[2].link.psc-password}; empty for the whole file. */
    public String field() {
        return field;
    }
}
