package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.sim.SimulatorBuilder;
import dev.hlm.sim.fault.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind, one row each: what users type, the files they point at, and what a misbehaving
 * server answers (through the simulator's faults). Every row must end in one line {@code hlm: TYPE: message},
 * then a {@code hint:} line, with its documented exit code, nothing on stdout and no stack trace; and input
 * that hlm can check itself must be refused before anything is sent. The rows are the bad-input table of
 * {@code docs/reliability.md}.
 */
class BadInputIT {
    @TempDir
    Path dir;

    /** What one row runs. */
    record Run(List<String> args, Map<String, String> env, String stdin) {}

    /** The simulator, its environment and a directory, for building a row's run. */
    record Setup(Simulator sim, Map<String, String> env, Path dir) {
        Path file(String name, String content) {
            try {
                return Files.writeString(dir.resolve(name), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path bytes(String name, byte[] content) {
            try {
                return Files.write(dir.resolve(name), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A sparse file of {@code size} bytes: it takes no disk, and reading it all would take memory. */
        Path sparse(String name, long size) {
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
                file.setLength(size);
                return dir.resolve(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Run run(String... args) {
            return new Run(List.of(args), env, "");
        }

        Run runWithout(String variable, String... args) {
            return new Run(List.of(args), SimEnv.with(env, variable, null), "");
        }

        Run runWithoutAll(List<String> variables, String... args) {
            Map<String, String> without = new java.util.HashMap<>(env);
            variables.forEach(without::remove);
            return new Run(List.of(args), without, "");
        }

        Run runWith(String variable, String value, String... args) {
            return new Run(List.of(args), SimEnv.with(env, variable, value), "");
        }
    }

    /**
     * @param fault the simulator's fault, or null
     * @param local true when hlm can tell the input is bad by itself: then nothing may reach the server
     */
    record Case(String name, String fault, boolean local, int exit, String type, String fragment,
            Function<Setup, Run> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case local(String name, String type, String fragment, Function<Setup, Run> run) {
        return new Case(name, null, true, ExitCodes.USAGE, type, fragment, run);
    }

    private static Case args(String name, String fragment, String... args) {
        return local(name, "USAGE", fragment, s -> s.run(args));
    }

    private static Case server(String name, String fault, int exit, String type, String fragment, String... args) {
        return new Case(name, fault, false, exit, type, fragment, s -> s.run(args));
    }

    static Stream<Case> cases() {
        String sha256 = "AA:".repeat(31) + "AA";
        List<Case> c = new ArrayList<>();

        // --- command-line arguments ------------------------------------------------------------------------
        c.add(args("PSC thumbprint not hex", "is not hexadecimal", "link", "create", "--psc-thumbprint", "zz:yy:xx"));
        c.add(args("PSC thumbprint too short", "--psc-thumbprint", "link", "create", "--psc-thumbprint", "AB:CD"));
        c.add(args("PSC thumbprint 63 hex digits", "--psc-thumbprint", "link", "create", "--psc-thumbprint",
                "A".repeat(63)));
        c.add(local("vCenter thumbprint malformed", "USAGE", "--thumbprint",
                s -> s.runWithout("HLM_CA_CERT", "link", "list", "--thumbprint", "12345")));
        c.add(args("PSC port 0", "--psc-port 0 is not a port", "link", "create", "--psc-port", "0"));
        c.add(args("PSC port 70000", "--psc-port 70000 is not a port", "link", "create", "--psc-port", "70000"));
        c.add(args("PSC port abc", "'abc' is not an int", "link", "create", "--psc-port", "abc"));
        c.add(args("PSC port negative", "--psc-port -1 is not a port", "link", "create", "--psc-port", "-1"));
        c.add(args("server port 0", "has port 0", "link", "list", "--server", "127.0.0.1:0"));
        c.add(args("server port 70000", "has port 70000", "link", "list", "--server", "127.0.0.1:70000"));
        c.add(args("server port abc", "127.0.0.1:abc", "link", "list", "--server", "127.0.0.1:abc"));
        c.add(args("server with http://", "HTTPS only", "link", "list", "--server", "http://127.0.0.1"));
        c.add(args("server with another scheme", "unsupported scheme", "link", "list", "--server", "ftp://127.0.0.1"));
        c.add(args("server with a path", "has a path", "link", "list", "--server", "https://127.0.0.1:443/sdk"));
        c.add(args("server empty", "server is empty", "link", "list", "--server", ""));
        c.add(args("server with a user name", "holds a user name", "link", "list", "--server", "root@127.0.0.1"));
        c.add(args("server with a password", "'https://***@127.0.0.1' holds a user name", "link", "list", "--server",
                "https://root:Url-Secret-1@127.0.0.1"));
        c.add(args("PSC host with a scheme", "without scheme or path", "link", "create", "--psc-hostname", "https://psc"));
        c.add(args("PSC host with a path", "without scheme or path", "link", "create", "--psc-hostname", "psc/ui"));
        c.add(args("PSC host blank", "missing --psc-hostname (or HLM_PSC_HOSTNAME)", "link", "create", "--psc-hostname",
                " "));
        c.add(args("domain name empty", "--domain-name is empty", "link", "create", "--domain-name", ""));
        c.add(args("group empty", "'' is not a group name", "admin", "add", ""));
        c.add(args("group without @", "'ops' is not a group name", "admin", "add", "ops"));
        c.add(args("group with nothing before @", "'@corp.local' is not a group name", "admin", "add", "@corp.local"));
        c.add(args("group with nothing after @", "'ops@' is not a group name", "admin", "remove", "ops@"));
        c.add(args("group with two @", "'a@b@c' is not a group name", "admin", "add", "a@b@c"));
        c.add(args("group with a blank before @", "'ops @corp.local' has a blank before '@'", "admin", "set",
                "ops @corp.local"));
        c.add(args("group with a blank in its domain", "'ops@corp local' has a blank in its domain", "admin", "add",
                "ops@corp local"));
        c.add(args("group with a line feed", "'ops\\x0a@corp.local' contains a control character (\\x0a)", "admin",
                "add", "ops\n@corp.local"));
        c.add(args("group with a tab", "'ops\\x09@corp.local' contains a control character (\\x09)", "admin", "add",
                "ops\t@corp.local"));
        c.add(args("group with a zero-width space", "'ops\\u200b@corp.local' contains an invisible character (\\u200b)",
                "admin", "add", "ops\u200b@corp.local"));
        c.add(args("create with a group holding a right-to-left override",
                "--admin-group: 'ops\\u202e@corp.local' contains an invisible character (\\u202e)", "link", "create",
                "--admin-group", "ops\u202e@corp.local"));
        c.add(args("create with an @-less group", "--admin-group: 'ops' is not a group name", "link", "create",
                "--admin-group", "ops"));
        c.add(args("option without its value", "Missing required parameter for option '--server'", "link", "list",
                "--server"));
        c.add(args("port option without its value", "Missing required parameter for option '--psc-port'", "link",
                "create", "--psc-port"));
        c.add(args("missing LINK", "Missing required parameter: 'LINK'", "link", "get"));
        c.add(args("missing group", "Missing required parameter: 'GROUP@DOMAIN'", "admin", "add"));
        c.add(args("empty link id to get", "LINK must not be empty", "link", "get", ""));
        c.add(args("blank link id to delete, even in a dry run", "LINK must not be empty", "link", "delete", " ",
                "--dry-run"));
        c.add(args("link id '.' to get", "LINK '.' is not a link id: '.' and '..' are path steps", "link", "get", "."));
        c.add(args("link id '..' to delete", "LINK '..' is not a link id: '.' and '..' are path steps", "link", "delete",
                "..", "--yes"));
        c.add(args("unknown option", "Unknown option: '--bogus'", "link", "list", "--bogus"));
        c.add(args("unknown command", "Unmatched arguments from index 0: 'lnk'", "lnk", "list"));
        c.add(args("insecure and a thumbprint (and a CA from the environment)", "exclude each other", "link", "list",
                "--insecure", "--thumbprint", sha256));
        c.add(args("insecure and a CA certificate", "exclude each other", "link", "list", "-k"));
        c.add(args("unknown API flavor", "'soap' is not auto, api or rest", "link", "list", "--api-flavor", "soap"));
        c.add(args("connect timeout 0", "'--connect-timeout': '0' is out of range (1 to 3600 seconds)", "link", "list",
                "--connect-timeout", "0"));
        c.add(args("timeout 0", "'--timeout': '0' is out of range (1 to 86400 seconds)", "link", "list", "--timeout", "0"));
        c.add(args("timeout abc", "'abc' is not a whole number of seconds (1 to 86400 seconds)", "link", "list",
                "--timeout", "abc"));
        c.add(args("negative retries", "--retries must be 0 to 100", "link", "list", "--retries", "-1"));
        c.add(args("retry backoff not a duration", "'soon' is not a duration", "link", "list", "--retry-backoff", "soon"));
        c.add(args("link timeout 0", "'--link-timeout': '0' is out of range (1 to 86400 seconds)", "link", "create",
                "--link-timeout", "0"));
        c.add(args("simulator fault that does not parse", "unknown action 'explode'", "sim", "--fault", "create:explode"));
        c.add(args("simulator fault on an unknown route", "unknown route 'links'", "sim", "--fault", "links:expire"));
        c.add(args("simulator port 70000", "--port 70000 is not a port", "sim", "--port", "70000"));
        c.add(args("simulator API version unknown", "5.5", "sim", "--api-version", "5.5"));

        // --- durations and seconds (issue 11, point 11) -----------------------------------------------------
        c.add(args("retry backoff of 2^63-1 seconds", "Invalid value for option '--retry-backoff': "
                + "'9223372036854775807s' is out of range (0s to 10m)", "link", "list", "--retry-backoff",
                "9223372036854775807s"));
        c.add(args("retry backoff of 30 digits", "'" + "9".repeat(30) + "ms' is out of range (0s to 10m)", "link",
                "list", "--retry-backoff", "9".repeat(30) + "ms"));
        c.add(local("retry backoff from the environment without a unit", "USAGE",
                "'--retry-backoff': '50' needs a unit: 50ms, 50s or 50m, for example (from the environment variable "
                        + "HLM_RETRY_BACKOFF)", s -> s.runWith("HLM_RETRY_BACKOFF", "50", "link", "list")));
        c.add(args("simulator latency without a unit", "Invalid value for option '--latency': '50' needs a unit: "
                + "50ms, 50s or 50m, for example", "sim", "--latency", "50"));
        c.add(args("simulator PSC latency of a day", "'--psc-latency': '24h' is out of range (0s to 10m)", "sim",
                "--psc-latency", "24h"));
        c.add(args("simulator link delay negative", "'--link-delay': '-5s' is out of range (0s to 1h)", "sim",
                "--link-delay", "-5s"));
        c.add(args("simulator session timeout 0", "'--session-timeout': '0' is out of range (1s to 24h)", "sim",
                "--session-timeout", "0"));
        c.add(args("simulator clock offset of two days", "'--clock-offset': '48h' is out of range (-24h to 24h)", "sim",
                "--clock-offset", "48h"));
        c.add(args("simulator latency overflowing", "'--latency': '9223372036854775807h' is out of range (0s to 10m)",
                "sim", "--latency", "9223372036854775807h"));
        c.add(args("timeout with a unit", "'--timeout': '2s' has a unit: give whole seconds as a plain number "
                + "(1 to 86400 seconds)", "link", "list", "--timeout", "2s"));
        c.add(args("timeout of 11 digits", "'--timeout': '99999999999' is out of range (1 to 86400 seconds)", "link",
                "list", "--timeout", "99999999999"));
        c.add(local("link timeout from the environment over a day", "USAGE", "'--link-timeout': '100000' is out of "
                + "range (1 to 86400 seconds) (from the environment variable HLM_LINK_TIMEOUT)",
                s -> s.runWith("HLM_LINK_TIMEOUT", "100000", "link", "create")));

        // --- host and domain names (issue 11, point 10) ----------------------------------------------------
        String label70 = "a".repeat(70);
        c.add(args("PSC host with an unclosed bracket", "--psc-hostname '[::1' opens a bracket it does not close",
                "link", "create", "--psc-hostname", "[::1"));
        c.add(args("PSC host in brackets", "--psc-hostname '[::1]': give an IPv6 address without brackets, e.g. ::1",
                "link", "create", "--psc-hostname", "[::1]"));
        c.add(args("PSC host with a port", "--psc-hostname '127.0.0.1:443' holds a port: give --psc-hostname 127.0.0.1 "
                + "--psc-port 443", "link", "create", "--psc-hostname", "127.0.0.1:443"));
        c.add(args("PSC host in brackets with a port", "--psc-hostname '[::1]:443' holds a port: give --psc-hostname ::1 "
                + "--psc-port 443", "link", "create", "--psc-hostname", "[::1]:443"));
        c.add(args("PSC host of 70,000 characters", "--psc-hostname '" + "a".repeat(80) + "...' (70000 characters) is "
                + "longer than a host name can be (253 characters)", "link", "create", "--psc-hostname",
                "a".repeat(70_000)));
        c.add(args("PSC host with a 70-character label", "has a label of 70 characters; a label has at most 63",
                "link", "check", "--psc-hostname", label70 + ".corp.local"));
        c.add(args("PSC host with a blank", "--psc-hostname 'psc 01' contains ' ', which a host name cannot hold",
                "link", "create", "--psc-hostname", "psc 01"));
        c.add(args("PSC host with a line feed", "--psc-hostname 'psc\\x0a.corp' contains '\\x0a'", "link", "create",
                "--psc-hostname", "psc\n.corp"));
        c.add(args("PSC host not an IPv4 address", "--psc-hostname '300.1.1.1' is not an IPv4 address", "link",
                "create", "--psc-hostname", "300.1.1.1"));
        c.add(local("PSC host from the environment with a label that ends in '-'", "USAGE",
                "--psc-hostname 'psc-.corp' has a label that begins or ends with '-' (from the environment variable "
                        + "HLM_PSC_HOSTNAME)", s -> s.runWith("HLM_PSC_HOSTNAME", "psc-.corp", "link", "create")));
        c.add(args("domain name with a blank", "--domain-name 'a b' contains ' ', which a domain name cannot hold",
                "link", "create", "--domain-name", "a b"));
        c.add(args("domain name with an empty label", "--domain-name 'vsphere..local' has an empty label", "link",
                "check", "--domain-name", "vsphere..local"));
        c.add(args("domain name an address", "--domain-name '10.0.0.1' is an IP address, not a domain name", "link",
                "create", "--domain-name", "10.0.0.1"));
        c.add(args("simulator domain name with a blank", "--domain-name 'a b' contains ' '", "sim", "--domain-name",
                "a b"));
        c.add(local("server from the environment with a 70-character label", "USAGE",
                "--server '" + label70 + ".example' has a label of 70 characters; a label has at most 63 (from the "
                        + "environment variable HLM_SERVER)",
                s -> s.runWith("HLM_SERVER", label70 + ".example", "link", "list")));
        c.add(args("server of 300 characters", "(300 characters) is longer than a host name can be", "link", "list",
                "--server", "a".repeat(300)));
        c.add(args("server with a label that begins with '-'", "--server '-vc.corp' has a label that begins or ends "
                + "with '-'", "link", "list", "--server", "https://-vc.corp:443"));

        // --- files and standard input ----------------------------------------------------------------------
        c.add(local("password file missing", "USAGE", "does not exist",
                s -> s.run("link", "list", "--password-file", s.dir().resolve("nope").toString())));
        c.add(local("password file unreadable (I/O error)", "USAGE", "--password-file: cannot read /proc/self/mem",
                s -> s.run("link", "list", "--password-file", "/proc/self/mem")));
        c.add(local("password file empty", "USAGE", "is empty",
                s -> s.run("link", "list", "--password-file", s.file("empty", "").toString())));
        c.add(local("password file with an empty first line", "USAGE", "holds more than one line (a line break at character 1)",
                s -> s.run("link", "list", "--password-file", s.file("blank", "\nsecret\n").toString())));
        c.add(local("password file is a directory", "USAGE", "it is a directory",
                s -> s.run("link", "list", "--password-file", s.dir().toString())));
        c.add(local("PSC password file empty", "USAGE", "--psc-password-file", s -> s.runWithout("HLM_PSC_PASSWORD",
                "link", "create", "--psc-password-file", s.file("psc", "").toString())));
        c.add(local("CA certificate file missing", "USAGE", "--ca-cert", s -> s.runWithout("HLM_CA_CERT",
                "link", "list", "--ca-cert", s.dir().resolve("nope.pem").toString())));
        c.add(local("CA certificate file not PEM", "USAGE", "--ca-cert", s -> s.runWithout("HLM_CA_CERT",
                "link", "list", "--ca-cert", s.file("ca.pem", "hello, I am not a certificate\n").toString())));
        c.add(local("CA certificate file empty", "USAGE", "--ca-cert", s -> s.runWithout("HLM_CA_CERT",
                "link", "list", "--ca-cert", s.file("empty.pem", "").toString())));
        c.add(local("CA certificate file is a directory", "USAGE", "it is a directory", s -> s.runWithout("HLM_CA_CERT",
                "link", "list", "--ca-cert", s.dir().toString())));
        long terabyte = 1L << 40;
        c.add(local("password file a sparse terabyte", "USAGE", "--password-file: DIR/huge is larger than 4 KiB, more than "
                + "a password file holds", s -> s.run("link", "list", "--password-file", s.sparse("huge", terabyte).toString())));
        c.add(local("password file /dev/zero", "USAGE", "--password-file: /dev/zero is larger than 4 KiB",
                s -> s.run("link", "list", "--password-file", "/dev/zero")));
        c.add(local("PSC certificate file /dev/zero", "USAGE", "--psc-certificate: /dev/zero is larger than 4 MiB, far "
                + "more than a certificate file holds", s -> s.run("link", "create", "--psc-certificate", "/dev/zero")));
        c.add(local("CA certificate file a sparse terabyte", "USAGE", "--ca-cert: DIR/ca.pem is larger than 4 MiB",
                s -> s.runWithout("HLM_CA_CERT", "link", "list", "--ca-cert", s.sparse("ca.pem", terabyte).toString())));
        c.add(local("known hosts file a sparse terabyte", "USAGE", "--known-hosts: DIR/known_hosts is larger than 4 MiB, far "
                + "more than a known hosts file holds", s -> s.runWithoutAll(List.of("HLM_CA_CERT", "HLM_THUMBPRINT"),
                        "link", "list", "--known-hosts", s.sparse("known_hosts", terabyte).toString())));
        c.add(local("known hosts file not UTF-8", "USAGE", "--known-hosts: DIR/bad is not UTF-8 text",
                s -> s.runWithoutAll(List.of("HLM_CA_CERT", "HLM_THUMBPRINT"), "link", "list", "--known-hosts",
                        s.bytes("bad", new byte[] {'h', ':', '4', (byte) 0xFF, '\n'}).toString())));
        c.add(local("password on stdin a line of 5,000 characters", "USAGE", "--password-stdin: the line on standard input "
                + "is longer than 4 KiB, more than a password", s -> new Run(List.of("link", "list", "--password-stdin"),
                        SimEnv.with(s.env(), "HLM_PASSWORD", null), "a".repeat(5000) + "\n")));
        c.add(local("password on stdin missing", "USAGE", "no cloud vCenter password on standard input",
                s -> s.runWithout("HLM_PASSWORD", "link", "list", "--password-stdin")));
        c.add(local("no password anywhere", "USAGE",
                "missing the cloud vCenter password (HLM_PASSWORD, --password-file or --password-stdin)",
                s -> s.runWithout("HLM_PASSWORD", "link", "list")));

        // --- several inputs missing at once (issue 11, point 12) --------------------------------------------
        String vcenter = "--server (or HLM_SERVER), --username (or HLM_USERNAME), the cloud vCenter password "
                + "(HLM_PASSWORD, --password-file or --password-stdin)";
        String pscPassword = "the PSC password (HLM_PSC_PASSWORD, --psc-password-file or --psc-password-stdin)";
        c.add(local("link create with nothing given", "USAGE", "USAGE: missing " + vcenter
                + ", --psc-hostname (or HLM_PSC_HOSTNAME), " + pscPassword, s -> new Run(List.of("link", "create"),
                        Map.of(), "")));
        c.add(local("link check without the PSC host and password", "USAGE", "USAGE: missing --psc-hostname (or "
                + "HLM_PSC_HOSTNAME), " + pscPassword, s -> s.runWithoutAll(List.of("HLM_PSC_HOSTNAME",
                        "HLM_PSC_PASSWORD"), "link", "check")));
        c.add(local("link list with nothing given", "USAGE", "USAGE: missing " + vcenter,
                s -> new Run(List.of("link", "list"), Map.of(), "")));
        c.add(local("link delete with nothing given, not even LINK", "USAGE", "USAGE: Missing required parameter: "
                + "'LINK'; also missing " + vcenter, s -> new Run(List.of("link", "delete"), Map.of(), "")));
        c.add(local("admin remove without a group nor a server", "USAGE", "USAGE: Missing required parameter: "
                + "'GROUP@DOMAIN'; also missing --server (or HLM_SERVER)", s -> s.runWithout("HLM_SERVER", "admin",
                        "remove")));
        c.add(local("admin add without server and user", "USAGE", "USAGE: missing --server (or HLM_SERVER), "
                + "--username (or HLM_USERNAME)", s -> s.runWithoutAll(List.of("HLM_SERVER", "HLM_USERNAME"),
                        "admin", "add", "ops@corp.local")));

        // --- server answers (simulator faults) -------------------------------------------------------------
        int connection = ExitCodes.CONNECTION;
        c.add(server("answer not JSON", "list:body=text", connection, "PROTOCOL", "not JSON (text/plain", "link", "list"));
        c.add(server("answer an HTML page", "list:body=html", connection, "PROTOCOL", "not JSON (text/html", "link", "list"));
        c.add(server("answer truncated JSON", "list:body=truncated", connection, "PROTOCOL", "where JSON was expected",
                "link", "list"));
        c.add(server("answer empty", "list:body=empty", connection, "PROTOCOL", "with an empty body", "link", "list"));
        c.add(server("answer with wrong field types", "list:body=wrong-types", connection, "PROTOCOL",
                "does not have the expected fields (expected a list)", "link", "list"));
        c.add(server("answer of 10 MB", "list:body=huge", connection, "PROTOCOL", "larger than 4 MiB", "link", "list"));
        c.add(server("answer body stalled", "list:stall", connection, "TIMEOUT", "did not answer within 2 s", "link", "list"));
        c.add(server("answer body trickled past the timeout", "list:trickle=3s", connection, "TIMEOUT",
                "did not answer within 2 s", "link", "list"));
        c.add(server("answer later than the timeout", "list:latency=3s", connection, "TIMEOUT",
                "did not answer within 2 s", "link", "list"));
        c.add(server("answer a redirect", "list:status=302", connection, "PROTOCOL", "redirect (302 to https://", "link",
                "list"));
        c.add(server("answer an unexpected status", "list:status=418", connection, "PROTOCOL",
                "answered HTTP 418 with a body that is not JSON", "link", "list"));
        c.add(server("answer a server error page", "list:status=500", connection, "PROTOCOL", "answered HTTP 500",
                "link", "list"));
        c.add(server("connection dropped", "list:drop=before", connection, "CONNECTION", "was lost before the answer arrived",
                "link", "list"));
        c.add(server("service unavailable throughout", "list:error=SERVICE_UNAVAILABLE", ExitCodes.API_REFUSED,
                "SERVICE_UNAVAILABLE", "Simulated fault", "link", "list"));
        c.add(server("login answered with HTML", "login:body=html", connection, "PROTOCOL", "login: ", "admin", "list"));
        c.add(server("login answered with the wrong shape", "login:body=wrong-types", connection, "PROTOCOL",
                "answered without a session token", "admin", "list"));
        c.add(server("login refused", "login:error=UNAUTHENTICATED", ExitCodes.AUTH, "UNAUTHENTICATED", "Simulated fault",
                "link", "list"));
        c.add(server("error answer of the wrong shape", "get:body=wrong-types", connection, "PROTOCOL",
                "answered HTTP 404 with JSON that is not a vCenter API error", "link", "get", "no-such-link"));
        c.add(server("admin list truncated", "admin-list:body=truncated", connection, "PROTOCOL", "list administrators",
                "admin", "list"));
        c.add(server("create refused as unsupported", "create:error=UNSUPPORTED", ExitCodes.API_REFUSED, "UNSUPPORTED",
                "Simulated fault", "link", "create"));
        c.add(server("create answered by a proxy error page", "create:status=503", connection, "PROTOCOL",
                "none is to vsphere.local: not linked", "link", "create"));
        c.add(new Case("delete answered with an unexpected status", "delete:status=404", false, connection, "PROTOCOL",
                "answered HTTP 404", s -> {
                    assertThat(Cli.run(s.env(), "link", "create").exitCode()).isZero();
                    return s.run("link", "delete", s.sim().links().get(0).link(), "--yes");
                }));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneClearLineAHintAnExitCodeAndNoStackTrace(Case bad) {
        SimulatorBuilder builder = Simulator.builder();
        if (bad.fault() != null) {
            builder.fault(Fault.parse(bad.fault()));
        }
        try (Simulator sim = builder.build()) {
            // Short timeouts and quick repeats, so every row ends fast.
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_REQUEST_TIMEOUT", "2", "HLM_RETRIES", "1",
                    "HLM_RETRY_BACKOFF", "10ms");
            Run run = bad.run().apply(new Setup(sim, env, dir));
            String[] args = run.args().toArray(String[]::new);
            boolean garbledLogin = bad.fault() != null && bad.fault().startsWith("login:body=");
            Cli.Result r = garbledLogin
                    ? Cli.runWithGarbledLogin(run.env(), run.stdin(), args)
                    : Cli.runWithStdin(run.env(), run.stdin(), args);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(bad.exit());
            assertThat(r.out()).as(r.toString()).isEmpty();
            List<String> lines = r.err().lines()
                    .filter(l -> !l.startsWith("hlm: warning: ") && !l.startsWith("hlm: note: ")).toList();
            assertThat(lines).as(r.toString()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(lines.get(0)).as(r.toString()).startsWith("hlm: " + bad.type() + ": ")
                    .contains(bad.fragment().replace("DIR", dir.toString()));
            assertThat(lines.get(1)).as(r.toString()).startsWith("hint: ");
            assertThat(r.err()).as(r.toString()).doesNotContain("\tat ", "    at ", "Caused by");
            if (bad.local()) {
                assertThat(sim.requests()).as("nothing may reach the server: " + r).isEmpty();
            }
        }
    }

    @Test
    void thereAreAtLeastFortyRowsOfEachKindTogether() {
        List<Case> all = cases().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all).filteredOn(c -> c.fault() != null).hasSizeGreaterThanOrEqualTo(12);
        assertThat(all.stream().map(Case::name).distinct().count()).isEqualTo(all.size());
    }

    @Test
    void verboseAddsNoStackTraceToAServerAnswerFailure() {
        // A bad answer is the server's fault, said in full by the line and the hint: a trace would only bury them.
        try (Simulator sim = Simulator.builder().fault(Fault.parse("list:body=html")).build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_RETRIES", "0");
            Cli.Result r = Cli.run(env, "link", "list", "--verbose");
            assertThat(r.exitCode()).isEqualTo(ExitCodes.CONNECTION);
            assertThat(r.err()).startsWith("hlm: PROTOCOL: ").doesNotContain("at dev.hlm.", "Exception");
            assertThat(r.err().lines()).hasSize(2);
        }
    }
}
