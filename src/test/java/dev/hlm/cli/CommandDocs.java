package dev.hlm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the documentation that is made from the command model, so that it says what the parser does: the
 * AsciiDoc pages of picocli-codegen's {@link ManPageGenerator}, one per command, and the completion scripts.
 * A build tool, not part of hlm: it lives with the tests so picocli-codegen stays out of the shipped jar.
 * The build runs it (exec-maven-plugin, see pom.xml) and then turns the pages into man pages with Asciidoctor;
 * {@code CommandReferenceTest} runs it to check the committed reference, {@code docs/commands/}.
 *
 * <pre>
 *   CommandDocs build DIR       DIR/man-adoc/*.adoc (the man pages' source), DIR/completion/hlm.bash and _hlm
 *   CommandDocs reference DIR   DIR/*.adoc, the same pages without the release's number, for the repository
 * </pre>
 */
public final class CommandDocs {
    /** What refreshes docs/commands/ (README, "Shell completion and man pages"). */
    static final String REFRESH = "mvn -B -q test-compile exec:java@command-reference";

    private static final Pattern RELEASE = Pattern.compile("(?m)^(:revnumber:|:mansource:) .*$");
    /**
     * A URL in help text ({@code https://host[:port]}): AsciiDoc would make it a link and eat the brackets after
     * it as the link's text. The generator writes help text as it is; a backslash before it keeps it text.
     */
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?<![\\\\\\w])https?://");

    private CommandDocs() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("build", "reference").contains(args[0])) {
            System.err.println("usage: CommandDocs build|reference DIR");
            System.exit(ExitCodes.USAGE);
        }
        Path dir = Path.of(args[1]);
        if (args[0].equals("build")) {
            writePages(dir.resolve("man-adoc"));
            writeCompletion(dir.resolve("completion"));
        } else {
            writeReference(dir);
        }
    }

    /**
     * The whole command tree as users meet it, in an environment of its own: no HLM_* variable of whoever
     * builds becomes a documented default, and the width is fixed rather than the terminal's.
     */
    static CommandLine commandLine() {
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        return Main.commandLine(nowhere, nowhere,
                Main.context(Map.of("COLUMNS", "80"), InputStream.nullInputStream()));
    }

    /** {@code cli} and every command under it, depth first: the commands that each get a page. */
    static List<CommandLine> withSubcommands(CommandLine cli) {
        List<CommandLine> all = new ArrayList<>(List.of(cli));
        cli.getSubcommands().values().forEach(sub -> all.addAll(withSubcommands(sub)));
        return all;
    }

    /** One AsciiDoc man page per command and subcommand: hlm.adoc, hlm-link.adoc, hlm-link-create.adoc ... */
    static void writePages(Path dir) throws IOException {
        Files.createDirectories(dir);
        int code = ManPageGenerator.generateManPage(dir.toFile(), null, new boolean[0], false,
                commandLine().getCommandSpec());
        if (code != CommandLine.ExitCode.OK) {
            throw new IOException("picocli's ManPageGenerator failed with exit code " + code);
        }
        try (Stream<Path> made = Files.list(dir)) {
            for (Path page : made.toList()) {
                Files.writeString(page, escapeUrls(Files.readString(page, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            }
        }
    }

    static String escapeUrls(String page) {
        StringBuilder escaped = new StringBuilder();
        for (String line : page.split("\n", -1)) {
            if (escaped.length() > 0) {
                escaped.append('\n');
            }
            escaped.append(line.startsWith(":") ? line : URL_IN_TEXT.matcher(line).replaceAll("\\\\$0"));
        }
        return escaped.toString();
    }

    /** The pages as committed: without the release, so that a new version number alone changes nothing. */
    static void writeReference(Path dir) throws IOException {
        Path pages = Files.createTempDirectory("hlm-command-pages-");
        try {
            writePages(pages);
            Files.createDirectories(dir);
            try (Stream<Path> stale = Files.list(dir)) {
                for (Path file : stale.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                    Files.delete(file); // a command that is gone loses its page
                }
            }
            try (Stream<Path> made = Files.list(pages)) {
                for (Path page : made.sorted().toList()) {
                    String text = Files.readString(page, StandardCharsets.UTF_8);
                    Files.writeString(dir.resolve(page.getFileName()),
                            RELEASE.matcher(text).replaceAll("$1 hlm"), StandardCharsets.UTF_8);
                }
            }
        } finally {
            try (Stream<Path> made = Files.list(pages)) {
                for (Path page : made.toList()) {
                    Files.delete(page);
                }
            }
            Files.delete(pages);
        }
    }

    /** hlm.bash for bash, _hlm for zsh's $fpath: what {@code hlm completion bash|zsh} prints. */
    static void writeCompletion(Path dir) throws IOException {
        Files.createDirectories(dir);
        CommandLine whole = commandLine();
        Files.writeString(dir.resolve("hlm.bash"), CompletionCommand.script(CompletionCommand.Shell.bash, whole));
        Files.writeString(dir.resolve("_hlm"), CompletionCommand.script(CompletionCommand.Shell.zsh, whole));
    }
}
