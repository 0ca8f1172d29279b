package dev.hlm.fleet;

import dev.hlm.client.ServerAddress;
import dev.hlm.fleet.YamlTree.Mapping;
import dev.hlm.fleet.YamlTree.Node;
import dev.hlm.fleet.YamlTree.Scalar;
import dev.hlm.fleet.YamlTree.Sequence;
import dev.hlm.tls.SmallFiles;
import dev.hlm.tls.Thumbprint;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a fleet file ({@code hlm.yaml}): {@code defaults} and a list of {@code targets}, each target the
 * defaults overlaid with its own fields (mappings merge key by key, anything else replaces). Every refusal is
 * a {@link FleetFileException} naming the file, the line and the field; the fields are those of the command
 * line's options, in the same kebab case (decision D20).
 */
public final class FleetFiles {
    private static final Set<String> TOP = Set.of("defaults", "targets");
    private static final Set<String> TARGET = Set.of("name", "server", "username", "password", "ca-cert",
            "thumbprint", "insecure", "known-hosts", "state", "link");
    private static final Set<String> LINK = Set.of("psc-hostname", "psc-port", "domain-name", "psc-username",
            "psc-password", "psc-thumbprint", "psc-certificate", "admin-groups");

    private final Path file;
    private final Path base;
    /** The nodes that came from {@code defaults}, so that a refusal names where the user wrote the field. */
    private final Set<Node> fromDefaults = Collections.newSetFromMap(new IdentityHashMap<>());

    private FleetFiles(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.base = parent == null ? Path.of("") : parent;
    }

    /** The fleet in {@code file}; refuses a missing, unreadable, too large or wrong file. */
    public static Fleet read(Path file) {
        byte[] bytes;
        try {
            bytes = SmallFiles.read(file, SmallFiles.TEXT_LIMIT);
        } catch (NoSuchFileException e) {
            throw new FleetFileException(file, 0, "", "does not exist");
        } catch (SmallFiles.TooLarge e) {
            throw new FleetFileException(file, 0, "", e.getMessage() + ", far more than a fleet file holds");
        } catch (IOException e) {
            throw new FleetFileException(file, 0, "", "cannot be read: " + e.getMessage());
        }
        return parse(file, bytes);
    }

    /** The fleet in {@code text}, as if read from {@code file} (which names it in errors and anchors relative paths). */
    public static Fleet parse(Path file, byte[] text) {
        return new FleetFiles(file).fleet(text);
    }

    private Fleet fleet(byte[] text) {
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.Malformed e) {
            throw new FleetFileException(file, e.line(), "", "not valid YAML: " + e.getMessage());
        }
        Mapping top = mapping(root, "");
        known(top, TOP, "");
        Mapping defaults = top.entries().containsKey("defaults")
                ? mapping(top.entries().get("defaults"), "defaults") : new Mapping(Map.of(), top.line());
        for (String key : defaults.entries().keySet()) {
            if (key.equals("name") || key.equals("server")) {
                throw refusal(defaults.entries().get(key), "defaults." + key,
                        "each target has its own; give it in the target");
            }
        }
        known(defaults, TARGET, "defaults");
        collect(defaults);
        Node targetsNode = top.entries().get("targets");
        if (targetsNode == null) {
            throw refusal(top, "targets", "missing: list the cloud vCenters under 'targets:'");
        }
        if (!(targetsNode instanceof Sequence targets)) {
            throw refusal(targetsNode, "targets", "must be a list of targets, each starting with '- name:'");
        }
        List<FleetTarget> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < targets.items().size(); i++) {
            String at = "targets[" + i + "]";
            Mapping own = mapping(targets.items().get(i), at);
            known(own, TARGET, at);
            FleetTarget target = target(merge(defaults, own), at);
            if (!names.add(target.name())) {
                throw refusal(own.entries().get("name"), at + ".name", "'" + target.name() + "' names two targets");
            }
            result.add(target);
        }
        return new Fleet(file, result);
    }

    private FleetTarget target(Mapping t, String at) {
        String name = required(t, "name", at);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw refusal(t.entries().get("name"), at + ".name",
                    "a name is letters, digits, '.', '_' and '-', starting with a letter or digit, up to 100");
        }
        String server = required(t, "server", at);
        try {
            ServerAddress.parse(server, "the address");
        } catch (IllegalArgumentException e) {
            throw refusal(t.entries().get("server"), at + ".server", e.getMessage());
        }
        String username = required(t, "username", at);
        SecretRef password = secret(t, "password", at);
        TargetTrust trust = new TargetTrust(path(t, "ca-cert", at), thumbprint(t, "thumbprint", at),
                bool(t, "insecure", at), path(t, "known-hosts", at));
        int chosen = (trust.caCert().isPresent() ? 1 : 0) + (trust.thumbprint().isPresent() ? 1 : 0)
                + (trust.insecure() ? 1 : 0);
        if (chosen > 1) {
            throw refusal(t, at, "ca-cert, thumbprint and insecure exclude each other: choose one");
        }
        String state = optional(t, "state", at).orElse("linked");
        Optional<Mapping> link = Optional.ofNullable(t.entries().get("link")).map(n -> mapping(n, field(n, at, "link")));
        link.ifPresent(l -> known(l, LINK, field(l, at, "link")));
        switch (state) {
            case "linked" -> {
                Mapping l = link.orElseThrow(() -> refusal(t, at + ".link",
                        "missing: give the link (psc-hostname, domain-name, psc-username, psc-password, admin-groups), "
                                + "or 'state: unlinked'"));
                return new FleetTarget(name, server, username, password, trust, Optional.of(desired(l, at + ".link")),
                        Optional.empty());
            }
            case "unlinked" -> {
                Optional<FleetTarget.OnPremAccount> account = link
                        .filter(l -> l.entries().containsKey("psc-username") && l.entries().containsKey("psc-password"))
                        .map(l -> new FleetTarget.OnPremAccount(required(l, "psc-username", at + ".link"),
                                secret(l, "psc-password", at + ".link")));
                return new FleetTarget(name, server, username, password, trust, Optional.empty(), account);
            }
            default -> throw refusal(t.entries().get("state"), field(t.entries().get("state"), at, "state"),
                    "is linked or unlinked, not '" + state + "'");
        }
    }

    private DesiredLink desired(Mapping l, String at) {
        int port = optional(l, "psc-port", at).map(p -> port(l, p, at)).orElse(443);
        Optional<String> pscThumbprint = thumbprint(l, "psc-thumbprint", at);
        Set<String> groups = new LinkedHashSet<>();
        Node groupsNode = l.entries().get("admin-groups");
        if (groupsNode != null) {
            String f = field(groupsNode, at, "admin-groups");
            if (!(groupsNode instanceof Sequence list)) {
                throw refusal(groupsNode, f, "must be a list of groups, e.g. [\"VMC Admins@corp.local\"]");
            }
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                String group = scalar(item, f + "[" + i + "]");
                if (group == null || !group.matches("[^@]+@[^@]+")) {
                    throw refusal(item, f + "[" + i + "]", "a group is group@domain, e.g. VMC Admins@corp.local");
                }
                if (!groups.add(group.trim())) {
                    throw refusal(item, f + "[" + i + "]", "'" + group + "' is listed twice");
                }
            }
        }
        return new DesiredLink(required(l, "psc-hostname", at), port, required(l, "domain-name", at),
                required(l, "psc-username", at), secret(l, "psc-password", at), pscThumbprint,
                path(l, "psc-certificate", at), groups);
    }

    private int port(Mapping l, String text, String at) {
        Node node = l.entries().get("psc-port");
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refusal(node, field(node, at, "psc-port"), "a port is a number from 1 to 65535, not '" + text + "'");
    }

    /** Defaults overlaid with a target's own fields; mappings merge key by key. */
    private static Mapping merge(Mapping under, Mapping over) {
        Map<String, Node> merged = new LinkedHashMap<>(under.entries());
        over.entries().forEach((key, value) -> merged.merge(key, value,
                (a, b) -> a instanceof Mapping ma && b instanceof Mapping mb ? merge(ma, mb) : b));
        return new Mapping(merged, over.line());
    }

    private void collect(Node node) {
        fromDefaults.add(node);
        if (node instanceof Mapping m) {
            m.entries().values().forEach(this::collect);
        } else if (node instanceof Sequence s) {
            s.items().forEach(this::collect);
        }
    }

    /** How a refusal names a field: where it was written, in the target or in the defaults. */
    private String field(Node node, String at, String key) {
        if (node != null && fromDefaults.contains(node)) {
            return "defaults" + at.replaceFirst("^targets\\[\\d+\\]", "") + "." + key;
        }
        return at + "." + key;
    }

    private Mapping mapping(Node node, String at) {
        if (node instanceof Mapping m) {
            return m;
        }
        throw refusal(node, at, "must be a mapping of fields (key: value)");
    }

    private void known(Mapping m, Set<String> known, String at) {
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw refusal(e.getValue(), (at.isEmpty() ? "" : at + ".") + e.getKey(),
                        "unknown field; known here: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    private String scalar(Node node, String f) {
        if (node instanceof Scalar s) {
            return s.text();
        }
        throw refusal(node, f, "must be a single value");
    }

    private Optional<String> optional(Mapping m, String key, String at) {
        Node node = m.entries().get(key);
        if (node == null) {
            return Optional.empty();
        }
        String text = scalar(node, field(node, at, key));
        if (text == null || text.isBlank()) {
            throw refusal(node, field(node, at, key), "is empty");
        }
        return Optional.of(text.trim());
    }

    private String required(Mapping m, String key, String at) {
        return optional(m, key, at).orElseThrow(() -> refusal(m, at + "." + key, "missing"));
    }

    private SecretRef secret(Mapping m, String key, String at) {
        Node node = m.entries().get(key);
        if (node == null) {
            throw refusal(m, at + "." + key, "missing: give env:VARIABLE, file:PATH or prompt");
        }
        String f = field(node, at, key);
        try {
            return SecretRef.parse(scalar(node, f), base);
        } catch (IllegalArgumentException e) {
            throw refusal(node, f, e.getMessage());
        }
    }

    private Optional<Path> path(Mapping m, String key, String at) {
        return optional(m, key, at).map(p -> base.resolve(p).normalize());
    }

    private Optional<String> thumbprint(Mapping m, String key, String at) {
        Optional<String> value = optional(m, key, at);
        value.ifPresent(v -> {
            if (Thumbprint.tryParse(v).isEmpty()) {
                Node node = m.entries().get(key);
                throw refusal(node, field(node, at, key), "a thumbprint is SHA-256 (64 hex digits) or SHA-1 (40), colons optional");
            }
        });
        return value;
    }

    private boolean bool(Mapping m, String key, String at) {
        Optional<String> value = optional(m, key, at);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                Node node = m.entries().get(key);
                throw refusal(node, field(node, at, key), "is true or false");
            }
        };
    }

    private FleetFileException refusal(Node node, String field, String problem) {
        return new FleetFileException(file, node == null ? 0 : node.line(), field, problem);
    }
}
