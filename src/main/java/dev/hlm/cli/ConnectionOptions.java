package dev.hlm.cli;

import dev.hlm.client.Deadline;
import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmClientBuilder;
import dev.hlm.client.HttpTrace;
import dev.hlm.client.RetryPolicy;
import dev.hlm.client.ServerAddress;
import dev.hlm.tls.TrustPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How to reach and log in to the cloud vCenter (or Cloud Gateway), shared by every command that talks to
 * one. Each option falls back to the {@code HLM_*} variable its help names. {@code -s/--host} and
 * {@code -u/--user} are the original script's names for the same options.
 */
public final class ConnectionOptions {
    @Env("HLM_SERVER")
    @Option(names = {"--server", "-s", "--host"}, paramLabel = "HOST",
            description = "Cloud vCenter or Cloud Gateway: host, host:port or https://host[:port] [env HLM_SERVER]")
    String server;

    @Env("HLM_USERNAME")
    @Option(names = {"--username", "-u", "--user"}, paramLabel = "USER",
            description = "Cloud vCenter user, e.g. cloudadmin@vmc.local [env HLM_USERNAME]")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the cloud vCenter password from the first line of FILE (else env HLM_PASSWORD, else a prompt)")
    Path passwordFile;

    @Option(names = "--password-stdin",
            description = "Read the cloud vCenter password from the first line of standard input")
    boolean passwordStdin;

    @Env("HLM_CA_CERT")
    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "Trust the vCenter certificate issued by (or equal to) the PEM certificate(s) in FILE [env HLM_CA_CERT]")
    Path caCert;

    @Env("HLM_THUMBPRINT")
    @Option(names = "--thumbprint", paramLabel = "SHA256",
            description = "Trust only the vCenter certificate with this SHA-256 (or SHA-1) thumbprint [env HLM_THUMBPRINT]")
    String thumbprint;

    @Env("HLM_INSECURE")
    @Option(names = {"-k", "--insecure"},
            description = "Do not verify the vCenter certificate at all (not recommended) [env HLM_INSECURE=true]")
    boolean insecure;

    @Env("HLM_KNOWN_HOSTS")
    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "Without --ca-cert, --thumbprint or --insecure, a vCenter the system does not trust is pinned "
                    + "by its line in FILE, added after asking on a terminal (default: $XDG_CONFIG_HOME/hlm/known_hosts, else ~/.config/hlm/known_hosts) "
                    + "[env HLM_KNOWN_HOSTS]")
    Path knownHosts;

    @Env("HLM_API_FLAVOR")
    @Option(names = "--api-flavor", paramLabel = "auto|api|rest",
            description = "API flavor: /api (vSphere 7.0U2+), legacy /rest, or auto: /api, else /rest (default: ${DEFAULT-VALUE}) [env HLM_API_FLAVOR]",
            defaultValue = "auto", converter = FlavorConverter.class)
    HlmClient.FlavorChoice flavor = HlmClient.FlavorChoice.AUTO;

    @Env("HLM_TIMEOUT")
    @Option(names = "--connect-timeout", paramLabel = "SECONDS", converter = Seconds.ConnectTimeout.class,
            description = "Give up connecting after SECONDS, 1 to 3600 (default: ${DEFAULT-VALUE}) [env HLM_TIMEOUT]",
            defaultValue = "10")
    int connectTimeoutSeconds = 10;

    @Env("HLM_REQUEST_TIMEOUT")
    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Seconds.UpToADay.class,
            description = "Give up on a call after SECONDS, 1 to 86400, from sending it to the last byte of its answer "
                    + "(default: ${DEFAULT-VALUE}); link create and delete wait --link-timeout [env HLM_REQUEST_TIMEOUT]",
            defaultValue = "60")
    int timeoutSeconds = 60;

    @Env("HLM_RETRIES")
    @Option(names = "--retries", paramLabel = "N",
            description = "Repeat a call that failed in a way that may pass up to N times, where that is safe: reads, "
                    + "login, logout, admin changes, and calls refused with 503; a create or delete whose answer was "
                    + "lost is checked by listing, never resent (default: ${DEFAULT-VALUE}; 0: never) [env HLM_RETRIES]",
            defaultValue = "3")
    int retries = 3;

    @Env("HLM_RETRY_BACKOFF")
    @Option(names = "--retry-backoff", paramLabel = "DURATION", converter = Durations.RetryBackoff.class,
            description = "Pause before the first repeat, e.g. 500ms, up to 10m; doubled for each next one up to 15 s, "
                    + "with jitter (default: ${DEFAULT-VALUE}) [env HLM_RETRY_BACKOFF]",
            defaultValue = "1s")
    Duration retryBackoff = Duration.ofSeconds(1);

    @Env("HLM_DEADLINE")
    @Option(names = "--deadline", paramLabel = "DURATION", converter = Durations.Deadline.class,
            description = "Give up on the whole command after DURATION, e.g. 30s or 5m, up to 24h: every call waits at "
                    + "most what is left, and no repeat starts that could not end in time; the logout after it gets "
                    + "1 s more (default: none; 8s for link status --nagios) [env HLM_DEADLINE]")
    Duration deadline;

    @Option(names = "--trace",
            description = "Print every HTTP request and response on stderr, with passwords, tokens and cookies masked")
    boolean trace;

    /** How long to wait for a connection (--connect-timeout). */
    public Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Duration linkTimeout = HlmClient.DEFAULT_LINK_TIMEOUT;
    private Duration defaultDeadline;
    private Deadline commandDeadline;

    /**
     * The bound on the whole command (--deadline, else the command's default; {@link Deadline#NONE} without
     * either), running from its first use, when the vCenter's client is built: every client of the command
     * shares it.
     */
    public Deadline commandDeadline() {
        if (commandDeadline == null) {
            Duration total = deadline != null ? deadline : defaultDeadline;
            commandDeadline = total == null ? Deadline.NONE : Deadline.in(total);
        }
        return commandDeadline;
    }

    /** The deadline when neither --deadline nor HLM_DEADLINE gives one: for a monitoring plugin's run. */
    public ConnectionOptions defaultDeadline(Duration total) {
        this.defaultDeadline = total;
        return this;
    }

    /** For link create and delete: how long those calls wait for their answer. */
    public ConnectionOptions linkTimeout(Duration timeout) {
        this.linkTimeout = timeout;
        return this;
    }

    /** The vCenter password's sources; {@code legacyPassword} is the original script's {@code -p} value. */
    Secrets.Source passwordSource(char[] legacyPassword) {
        return new Secrets.Source("cloud vCenter password", "HLM_PASSWORD", "--password-file", passwordFile,
                "--password-stdin", passwordStdin, legacyPassword, "-p/--password");
    }

    /**
     * The vCenter's inputs given nowhere (neither as an option nor in its variable), as a refusal names them;
     * also asked when picocli refuses a missing LINK or GROUP first, so that one message names them all.
     */
    List<String> missingInputs(CliContext ctx, char[] legacyPassword) {
        List<String> missing = new ArrayList<>();
        if (server == null) {
            missing.add("--server (or HLM_SERVER)");
        }
        if (username == null || username.isBlank()) {
            missing.add("--username (or HLM_USERNAME)");
        }
        if (!Secrets.available(ctx, passwordSource(legacyPassword))) {
            missing.add(Secrets.missing(passwordSource(legacyPassword)));
        }
        return missing;
    }

    /**
     * Refuses with one line that lists every input given nowhere (neither as an option nor in its variable),
     * this object's and then {@code more} (a command's own, e.g. the PSC's): a user learns them all at once.
     */
    public void requireInputs(CliContext ctx, char[] legacyPassword, List<String> more) {
        List<String> missing = new ArrayList<>(missingInputs(ctx, legacyPassword));
        missing.addAll(more);
        if (!missing.isEmpty()) {
            String name = command == null ? "hlm" : command.qualifiedName(" ");
            throw CliException.missingOption("missing " + String.join(", ", missing),
                    "see '" + name + " --help' (a password is asked for on a terminal); to try hlm against its "
                            + "simulator: eval \"$(hlm sim --background)\"");
        }
    }

    /** A client for the server named, not yet logged in. Bad options fail here with exit 2. */
    public HlmClient connect(CliContext ctx) {
        return connect(ctx, null);
    }

    public HlmClient connect(CliContext ctx, char[] legacyPassword) {
        return connect(ctx, legacyPassword, false);
    }

    /** @param dryRun hold back every request that would change something (see {@link DryRunOptions}) */
    public HlmClient connect(CliContext ctx, char[] legacyPassword, boolean dryRun) {
        requireInputs(ctx, legacyPassword, List.of());
        if (retries < 0 || retries > 100) {
            throw CliException.usage("--retries must be 0 to 100, not " + retries, null);
        }
        HlmClientBuilder builder = HlmClient.builder();
        try {
            ServerAddress.parse(server, "--server");
            builder.server(server);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + EnvDefaults.fromEnvironment(command, "--server"),
                    "give the cloud vCenter as host, host:port or https://host[:port], e.g. vcenter.corp.local or vcenter.corp.local:8443");
        }
        TrustPolicy trust = trustPolicy(ctx);
        char[] password;
        try {
            password = Secrets.resolve(ctx, passwordSource(legacyPassword));
        } finally {
            // The script-style -p value: its copy is no longer needed either.
            if (legacyPassword != null) {
                java.util.Arrays.fill(legacyPassword, '\0');
            }
        }
        try {
            builder.username(username.trim()).password(password).trust(trust).flavor(flavor)
                    .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                    .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                    .linkTimeout(linkTimeout)
                    .deadline(commandDeadline())
                    .retries(new RetryPolicy(retries, RetryPolicy.DEFAULT.backoff(), RetryPolicy.DEFAULT.maxBackoff())
                            .withBackoff(retryBackoff))
                    .dryRun(dryRun);
            reporting(ctx, builder);
            if (trust instanceof TrustPolicy.KnownHostsPolicy && ctx.terminal().isInteractive()) {
                builder.trustOnFirstUse(new KnownHostsPrompt(ctx));
            }
            // Logged out on every path: by the command's try-with-resources, or by the exit hook on Ctrl-C.
            return ctx.closeOnExit(builder.build());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /**
     * What every client of the command reports, the vCenter's and any other (the PSC's in {@code link check}):
     * its recoveries as notes (with {@code --verbose}), and with {@code --trace} every exchange.
     */
    public HlmClientBuilder reporting(CliContext ctx, HlmClientBuilder builder) {
        builder.listener(new RecoveryNotes(ctx, this::verbose));
        if (trace) {
            builder.trace(HttpTrace.to(ctx.err()));
        }
        return builder;
    }

    /** {@code --verbose}, an option of the root command that every subcommand inherits. */
    private boolean verbose() {
        return command != null && command.root().userObject() instanceof HlmCommand root && root.verbose();
    }

    TrustPolicy trustPolicy(CliContext ctx) {
        return TrustChoice.of(ctx, caCert, thumbprint, insecure, knownHosts);
    }

    /** Accepts auto, api and rest in any case. */
    static final class FlavorConverter implements picocli.CommandLine.ITypeConverter<HlmClient.FlavorChoice> {
        @Override
        public HlmClient.FlavorChoice convert(String value) {
            try {
                return HlmClient.FlavorChoice.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not auto, api or rest");
            }
        }
    }
}
