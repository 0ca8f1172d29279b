package dev.hlm.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A fleet file read and checked: its targets, in the file's order, each name once. */
public record Fleet(Path file, List<FleetTarget> targets) {
    public Fleet {
        targets = List.copyOf(targets);
    }

    public Optional<FleetTarget> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
