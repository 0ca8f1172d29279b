package dev.hlm.cli;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Json;
import dev.hlm.api.Summary;
import dev.hlm.sim.Simulator;
import dev.hlm.tls.Pem;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import picocli.CommandLine;

/**
 * All that hlm does only to start and end a short run sooner, in one place; none of it changes what a command
 * does, and docs/benchmarks.md measures what each part saves. A one-second run is mostly the JVM's one-time
 * work, so {@link Main} reads the command line's words first ({@link Words}), builds only the command they name
 * ({@link #commandsFor}), warms up TLS and JSON beside the parsing for a command that connects
 * ({@link #warmUpFor}), and ends the HTTP clients' selector threads before it exits ({@link #endHttpClients}).
 * At package time the build runs {@link Training} to fill the class-data-sharing archive the launcher maps.
 * About 280 lines, kept together on purpose: every part hangs on the one reading of the words.
 */
final class Startup {
    /** The commands that talk to a server: the ones worth a warm-up. */
    private static final Set<String> CONNECTING = Set.of("link", "admin", "plan", "apply", "status");

    private Startup() {}

    /**
     * The words of a command line as read before picocli parses them: the only place hlm sniffs its arguments.
     * The launcher script applies the same rule as {@link #command} (the first word that is not an option) to
     * keep the JVM's defaults for {@code hlm sim}; it cannot ask the jar without starting a second JVM.
     *
     * @param command the first word that is not an option, or null
     * @param verb the next word that is not an option ({@code create} in {@code hlm link create}), when only
     *     {@code -v --verbose -h --help} come between; else null
     * @param rootOptionsOnly whether every option before the command is one of {@code -v --verbose -V --version
     *     --target --fleet}, which need no other command built
     * @param version whether {@code -V} or {@code --version} comes before the command
     * @param help whether {@code -h} or {@code --help} is anywhere
     */
    record Words(String command, String verb, boolean rootOptionsOnly, boolean version, boolean help) {
        /** What may stand between a command and its verb without changing which verb picocli will run. */
        private static final Set<String> BEFORE_VERB = Set.of("-v", "--verbose", "-h", "--help");

        static Words of(String[] args) {
            String command = null;
            boolean rootOptionsOnly = true;
            boolean version = false;
            int i = 0;
            for (; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("-")) {
                    command = arg;
                    break;
                }
                if (NamedTargetOption.takesValue(arg)) {
                    i++; // --target NAME, --fleet FILE: the root's own options, their value no command
                    continue;
                }
                if (NamedTargetOption.withValue(arg)) {
                    continue;
                }
                if (arg.equals("--version") || arg.equals("-V")) {
                    version = true;
                } else if (!arg.equals("-v") && !arg.equals("--verbose")) {
                    rootOptionsOnly = false;
                }
            }
            String verb = null;
            for (i++; command != null && i < args.length; i++) {
                if (!args[i].startsWith("-")) {
                    verb = args[i];
                    break;
                }
                if (!BEFORE_VERB.contains(args[i])) {
                    break; // another option, or "--": which verb runs, if any, is left to picocli
                }
            }
            List<String> all = List.of(args);
            return new Words(command, verb, rootOptionsOnly, version, all.contains("--help") || all.contains("-h"));
        }
    }

    /**
     * The commands a run needs, each with the verbs under it that it needs, in the order their help lists them:
     * the command its first word names with only the verb its second word names ({@code hlm link create}); all
     * the command's verbs when no verb of its is named (its help, or a mistake); no command for a bare
     * {@code --version}; else every command with every verb (the root's help, or a mistake picocli answers
     * with suggestions). picocli builds the model of every registered command up front, by reflection, which
     * a short run feels.
     */
    static Map<Class<?>, List<Class<?>>> commandsFor(String[] args) {
        Words words = Words.of(args);
        if (!words.rootOptionsOnly()) {
            return everyCommand();
        }
        if (words.command() == null) {
            return words.version() ? Map.of() : everyCommand();
        }
        Class<?> command = named(HlmCommand.COMMANDS, words.command());
        if (command == null) {
            return everyCommand();
        }
        List<Class<?>> verbs = HlmCommand.verbs(command);
        Class<?> verb = words.verb() == null ? null : named(verbs, words.verb());
        return Map.of(command, verb == null ? verbs : List.of(verb));
    }

    /**
     * Whether the command line is {@code --version} (or {@code -V}) alone, which {@link Main} answers as picocli
     * would, with the same lines, without building picocli's model: ~70 ms of CPU, a third of such a run.
     */
    static boolean onlyTheVersion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** The whole tree, as help, completion and the command reference show it. */
    static Map<Class<?>, List<Class<?>>> everyCommand() {
        Map<Class<?>, List<Class<?>>> all = new LinkedHashMap<>();
        for (Class<?> command : HlmCommand.COMMANDS) {
            all.put(command, HlmCommand.verbs(command));
        }
        return all;
    }

    /** The one of {@code commands} called {@code name}, or null; reads only the annotations up to the match. */
    private static Class<?> named(List<Class<?>> commands, String name) {
        for (Class<?> command : commands) {
            if (command.getAnnotation(CommandLine.Command.class).name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    /**
     * Starts the {@link Warmup} in a daemon thread when the command will connect (not for its help);
     * {@code -Dhlm.warmup=false} turns it off, to compare.
     */
    static void warmUpFor(String[] args) {
        Words words = Words.of(args);
        boolean connects = words.command() != null && CONNECTING.contains(words.command()) && !words.help();
        if (connects && !"false".equals(System.getProperty("hlm.warmup"))) {
            Thread thread = new Thread(new Warmup(), "hlm-warmup");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Ends every JDK HTTP client's selector thread, waiting up to 100 ms for each: only for the command line's
     * own exit, its command done and its session logged out. On Java 17 an {@link java.net.http.HttpClient}
     * cannot be closed, and its selector thread, always waiting in native code, holds every JVM exit up to
     * 300 ms ({@code VM_Exit::wait_for_threads_in_native_to_block}). A closed {@code HlmClient} ends its own;
     * this catches any other (the clock check's, say). Interrupted, such a thread ends its loop and its client.
     * Each is named {@code HttpClient-ID-SelectorManager}; where the naming differs, nothing is interrupted.
     */
    static void endHttpClients() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
                thread.interrupt();
                try {
                    thread.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Sets up, in a second thread while the main one parses the command line, what a command that talks to a
     * vCenter needs first: the TLS stack up to a client hello (cipher suite tables, key shares, the crypto
     * providers), certificate path validation, the HTTPS handler, and the JSON mapper with its serialisers.
     * That is one-time work of the JVM, a good part of a short run, and the two cores of even a small machine
     * can do it side by side. Nothing it makes is used: a failure here costs nothing but the time, and the
     * command then sets things up itself as always. A class of its own: the JVM verifies a class's methods when
     * it links it, loading the types they use, and {@code hlm --version} must not pay for TLS and JSON classes.
     */
    static final class Warmup implements Runnable {
        @Override
        public void run() {
            // In the order the command needs them: TLS first, then the JSON of the first answer. Each part
            // on its own: one that fails leaves the next to do.
            try {
                tls();
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                // Only time is lost: the command sets up the same things itself.
            }
            try {
                json();
            } catch (IOException | RuntimeException e) {
                // As above.
            }
        }

        private static void tls() throws GeneralSecurityException, IOException {
            SSLEngine engine = TlsContexts.client(TlsContexts.recorder(TrustPolicy.insecure()))
                    .createSSLEngine("warmup.invalid", 443);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            engine.beginHandshake();
            // The client hello: key shares are generated, extensions produced, nothing is sent anywhere.
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            // The HTTP client's request and body classes; building a request sends nothing.
            java.net.http.HttpRequest.newBuilder(URI.create("https://warmup.invalid/"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build();
            java.net.http.HttpResponse.BodyHandlers.ofByteArray();
            // What the handshake then checks of the server's certificate, done on a self-signed certificate
            // kept for this (public only, its key discarded when it was made): path validation, with the
            // certificate as the anchor, then the host name, which fails here, but only after Java 17 has
            // loaded its table of the JDK's own CA certificates, as it does on the first check of any name.
            X509Certificate certificate = warmupCertificate();
            try {
                TrustPolicy.certificates(List.of(certificate)).trustManager()
                        .checkServerTrusted(new X509Certificate[] {certificate}, "ECDHE_ECDSA", engine);
            } catch (CertificateException expected) {
                // "No name matching warmup.invalid": the end of what there was to warm.
            }
            engine.closeOutbound();
        }

        private static X509Certificate warmupCertificate() throws IOException {
            try (InputStream in = Startup.class.getResourceAsStream("warmup-certificate.pem")) {
                if (in == null) {
                    throw new IOException("no warm-up certificate");
                }
                return Pem.parseCertificates(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).get(0);
            }
        }

        private static void json() throws IOException {
            Json.write(new CreateSpec("psc", "443", "vsphere.local", "administrator@vsphere.local",
                    new char[] {'x'}, null, null, List.of("group@domain")));
            Json.mapper().treeToValue(Json.mapper().readTree("{\"link\":\"l\",\"display_name\":\"d\"}"),
                    Summary.class);
        }
    }

    /**
     * Not a command: the build runs this once, at package time, under {@code -XX:DumpLoadedClassList}, to learn
     * which classes a typical {@code hlm} run loads. The JVM then stores them, parsed and verified, in the
     * class-data-sharing archive {@code target/hlm.jsa}, which the launcher maps at startup instead of reading
     * and verifying them from the jar again on every run.
     *
     * <p>It plays what users run most, in this JVM against a simulator of its own: version and help, every
     * link and admin command in both API flavors, JSON output, and the failures users meet most (a wrong
     * password, an untrusted certificate, a usage error). Output goes nowhere. Exits 0 when every run gave the
     * exit code it should, else 1, so a training that no longer exercises what it means to fails the build.
     */
    static final class Training {
        private final List<String> wrong = new ArrayList<>();

        private Training() {}

        public static void main(String[] args) throws IOException {
            Training training = new Training();
            new Warmup().run(); // what Main.main runs beside the parsing, so that it is archived too
            training.play();
            if (!training.wrong.isEmpty()) {
                System.err.println("hlm startup training: unexpected exit codes: " + String.join("; ", training.wrong));
                System.exit(1);
            }
            System.exit(0);
        }

        private void play() throws IOException {
            Path dir = Files.createTempDirectory("hlm-training-");
            try (Simulator sim = Simulator.builder().build()) {
                Path ca = dir.resolve("vcenter-ca.pem");
                Files.writeString(ca, sim.cloudCertificate().pem());
                Map<String, String> env = SimServing.environment(sim, ca);
                run(Map.of(), 0, "--version");
                run(Map.of(), 0, "--help");
                run(Map.of(), 0, "link", "create", "--help");
                run(Map.of(), ExitCodes.USAGE, "link", "list", "--no-such-option");
                for (String flavor : List.of("api", "rest")) {
                    sim.reset();
                    run(env, 0, "link", "create", "--api-flavor", flavor, "--admin-group", "ops@corp.local");
                    run(env, 0, "link", "list", "--api-flavor", flavor);
                    run(env, 0, "link", "list", "--api-flavor", flavor, "--json");
                    run(env, ExitCodes.API_REFUSED, "link", "create", "--api-flavor", flavor, "--fail-if-exists");
                    run(env, 0, "admin", "list", "--api-flavor", flavor);
                }
                String link = sim.links().get(0).link();
                run(env, 0, "link", "get", link);
                run(env, 0, "link", "delete", link, "--yes");
                run(withEnv(env, "HLM_PASSWORD", "not-the-password"), ExitCodes.AUTH, "link", "list");
                run(withEnv(env, "HLM_CA_CERT", null), ExitCodes.CONNECTION, "link", "list");
            } finally {
                SimServing.deleteQuietly(dir);
            }
        }

        private void run(Map<String, String> env, int expected, String... args) {
            PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            int code = Main.run(args, nowhere, nowhere, Main.context(env, new ByteArrayInputStream(new byte[0])));
            if (code != expected) {
                wrong.add("hlm " + String.join(" ", args) + " exited " + code + ", not " + expected);
            }
        }

        private static Map<String, String> withEnv(Map<String, String> env, String key, String value) {
            Map<String, String> copy = new HashMap<>(env);
            if (value == null) {
                copy.remove(key);
            } else {
                copy.put(key, value);
            }
            return copy;
        }
    }
}
