package dev.hlm.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive that {@code mvn -B package} makes, used as the README's Install section says: unpacked
 * into a folder of its own, {@code bin/hlm} linked from a directory on a PATH that holds nothing else of hlm,
 * run from elsewhere. Failsafe runs it after package ({@code hlm.dist.archive} names the archive without its
 * extension); the PATH has the test's java and the system's tools, no Maven and no checkout.
 */
@Tag("process") // runs bin/hlm, which starts java
@Tag("archive") // needs the archive: failsafe, after package
class DistributionIT {
    private static final String VERSION = "0.1.0";
    private static final String TOP = "hlm-" + VERSION + "/";
    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");

    @TempDir
    static Path dir;

    private static Path installed;
    private static Path onPath;
    private static Path cache;

    @BeforeAll
    static void unpackAndLink() throws Exception {
        Path unpacked = Files.createDirectories(dir.resolve("opt"));
        Result tar = run(List.of("tar", "-xzf", archive(".tar.gz").toString(), "-C", unpacked.toString()),
                Map.of("PATH", "/usr/bin:/bin"), unpacked);
        assertThat(tar.code()).as(tar.output()).isZero();
        installed = unpacked.resolve(TOP);
        onPath = Files.createDirectories(dir.resolve("path"));
        Files.createSymbolicLink(onPath.resolve("hlm"), installed.resolve("bin/hlm"));
        cache = dir.resolve("cache");
    }

    @Test
    void theTarAndTheZipHoldTheLaunchersTheJarTheReadmeAndTheLicense() throws Exception {
        Result listed = run(List.of("tar", "-tzf", archive(".tar.gz").toString()), Map.of("PATH", "/usr/bin:/bin"), dir);
        assertThat(listed.code()).as(listed.output()).isZero();
        TreeSet<String> tarFiles = new TreeSet<>(listed.output().lines().filter(name -> !name.endsWith("/")).toList());
        TreeSet<String> zipFiles = new TreeSet<>();
        try (ZipFile zip = new ZipFile(archive(".zip").toFile())) {
            zip.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).forEach(zipFiles::add);
        }

        assertThat(tarFiles).contains(TOP + "bin/hlm", TOP + "bin/hlm.cmd", TOP + "lib/hlm.jar",
                TOP + "lib/hlm.classlist", TOP + "README.md", TOP + "LICENSE");
        assertThat(zipFiles).isEqualTo(tarFiles);
        assertThat(installed.resolve("bin/hlm")).isExecutable();
        assertThat(installed.resolve("LICENSE")).hasSameTextualContentAs(Path.of("LICENSE"));
        assertThat(Files.readString(installed.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
    }

    /** The man pages and completion scripts the build generated, where the README says: no more, no fewer. */
    @Test
    void theArchiveHoldsTheManPagesAndCompletionTheBuildGenerated() throws IOException {
        Path generated = Path.of(System.getProperty("hlm.dist.generated", "target/generated-docs"));
        assertThat(filesIn(installed.resolve("man/man1"))).isEqualTo(filesIn(generated.resolve("man")).stream()
                .filter(name -> name.endsWith(".1")).toList());
        assertThat(filesIn(installed.resolve("completion"))).isEqualTo(filesIn(generated.resolve("completion")));
    }

    @Test
    void theWindowsLauncherHasWindowsLineEndingsAndRunsTheJarBesideIt() throws IOException {
        String cmd = Files.readString(installed.resolve("bin/hlm.cmd"), StandardCharsets.US_ASCII);
        assertThat(cmd).startsWith("@echo off\r\n").endsWith("\r\n");
        assertThat(cmd.replace("\r\n", "")).as("a line feed without its carriage return").doesNotContain("\n");
        assertThat(cmd).contains("set \"HLM_JAR=%HLM_HOME%\\lib\\hlm.jar\"", "-jar \"%HLM_JAR%\" %*",
                "exit /b %ERRORLEVEL%", "%HLM_JAVA_OPTS%");
    }

    @Test
    void versionAndDemoRunThroughTheLinkOnThePath() throws Exception {
        Result version = hlm("hlm --version");
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("hlm " + VERSION + "\n").contains("Java ");

        Result demo = hlm("hlm demo");
        assertThat(demo.code()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("link list ... 1 link").contains("unlinked; 0 links left");
        // Run from the PATH, it suggests commands as the user types them there, not the checkout's ./hlm.
        assertThat(demo.output()).contains("eval \"$(hlm sim --background)\"; hlm link create;").doesNotContain("./hlm");
    }

    /** The README's "Drive the simulator yourself", with the installed hlm: a real link over HTTPS on loopback. */
    @Test
    void aRealLinkAgainstTheSimulatorInTheBackground() throws Exception {
        Result session = hlm("set -e\n"
                + "eval \"$(hlm sim --background)\"\n"
                + "trap 'kill $HLM_SIM_PID' EXIT\n"
                + "hlm link create --admin-group ops@corp.local\n"
                + "hlm link list\n"
                + "hlm admin list\n");
        assertThat(session.code()).as(session.output()).isZero();
        assertThat(session.output()).contains("hlm sim: serving in the background")
                .contains("Linked vsphere.local")
                .contains("ops@corp.local");
        assertThat(session.output().lines().filter(line -> line.contains("vsphere.local")).count())
                .as(session.output()).isGreaterThanOrEqualTo(2); // created, then listed
    }

    /**
     * The first run starts the class-data-sharing dump for this java in the background; once it is there, a
     * run maps it (the JVM's class-loading log says where each class came from), and a spoilt archive is
     * ignored: the run is as if there were none.
     */
    @Test
    void theClassDataArchiveIsMadeOnFirstUseThenMapped() throws Exception {
        Path ownCache = Files.createDirectories(dir.resolve("cds-cache"));
        Result first = hlm("hlm link --help", Map.of("XDG_CACHE_HOME", ownCache.toString()));
        assertThat(first.code()).as(first.output()).isZero();
        Path archive = awaitArchive(ownCache.resolve("hlm"));
        // Named by the Java build, the real java and the jar, slashes as %.
        assertThat(archive.getFileName().toString()).startsWith(System.getProperty("java.runtime.version") + "%")
                .endsWith("%lib%hlm.jar.jsa");

        Path classLog = dir.resolve("classes.log");
        Result mapped = hlm("hlm link --help", Map.of("XDG_CACHE_HOME", ownCache.toString(),
                "HLM_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
        assertThat(mapped.code()).as(mapped.output()).isZero();
        assertThat(Files.readString(classLog)).contains("dev.hlm.cli.Main source: shared objects file");

        // --version alone maps none: the JVM's own archive holds what it loads.
        Path versionLog = dir.resolve("version-classes.log");
        Result version = hlm("hlm --version", Map.of("XDG_CACHE_HOME", ownCache.toString(),
                "HLM_JAVA_OPTS", "-Xlog:class+load=info:file=" + versionLog));
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(Files.readString(versionLog)).contains("dev.hlm.cli.Main source: file:")
                .contains("java.lang.Object source: shared objects file");

        Files.delete(archive); // the JVM writes it read-only
        Files.writeString(archive, "not a class-data-sharing archive");
        Result spoilt = hlm("hlm link --help", Map.of("XDG_CACHE_HOME", ownCache.toString()));
        assertThat(spoilt.code()).as(spoilt.output()).isZero();
        assertThat(spoilt.output()).isEqualTo(first.output());
    }

    @Test
    void withoutJavaItSaysSoInOneLine() throws Exception {
        // The tools the launcher needs before it looks for java, and no java anywhere on the PATH.
        Path tools = Files.createDirectories(dir.resolve("tools-without-java"));
        for (String tool : List.of("dirname", "readlink")) {
            Files.copy(Path.of("/usr/bin", tool), tools.resolve(tool), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Result result = run(List.of("/bin/sh", "-c", "hlm --version"),
                Map.of("PATH", onPath + File.pathSeparator + tools, "HOME", dir.toString()), dir);

        assertThat(result.code()).isEqualTo(5);
        assertThat(result.output()).isEqualTo("hlm: java not found: install a Java runtime (JRE) 17 or later, or set JAVA_HOME\n");
    }

    /** A Java 11 home, as its release file says: named, refused, never started. */
    @Test
    void anOlderJavaIsNamedAndNotStarted() throws Exception {
        Path oldHome = Files.createDirectories(dir.resolve("jdk-11/bin")).getParent();
        Files.writeString(oldHome.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.22\"\n");
        Path java = Files.writeString(oldHome.resolve("bin/java"), "#!/bin/sh\necho 'the old java ran'\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        Result byHome = hlm("hlm --version", Map.of("JAVA_HOME", oldHome.toString()));
        assertThat(byHome.code()).isEqualTo(5);
        assertThat(byHome.output()).isEqualTo("hlm: " + java + " is Java 11.0.22, and hlm needs Java 17 or later: "
                + "install a JRE 17 or later, or set JAVA_HOME to one\n");

        // On the PATH through a link, as /usr/bin/java is: the release file is found beside the real binary.
        Path oldPath = Files.createDirectories(dir.resolve("old-java-path"));
        Files.createSymbolicLink(oldPath.resolve("java"), java);
        Result byPath = run(List.of("/bin/sh", "-c", "hlm --version"),
                Map.of("PATH", onPath + File.pathSeparator + oldPath + File.pathSeparator + "/usr/bin:/bin",
                        "HOME", dir.toString()), dir);
        assertThat(byPath.code()).isEqualTo(5);
        assertThat(byPath.output()).contains("is Java 11.0.22").doesNotContain("the old java ran");
    }

    /** The dumps the runs started end before the temporary folder goes: each removes its lock when done. */
    @AfterAll
    static void awaitTheDumps() throws Exception {
        for (Path folder : List.of(cache.resolve("hlm"), dir.resolve("cds-cache/hlm"))) {
            while (Files.isDirectory(folder) && hasLock(folder)) {
                Thread.sleep(200);
            }
        }
    }

    private static boolean hasLock(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".lock"));
        }
    }

    private static Path archive(String extension) {
        String base = System.getProperty("hlm.dist.archive");
        assertThat(base).as("hlm.dist.archive: run by failsafe, mvn -B verify").isNotNull();
        Path archive = Path.of(base + extension);
        assertThat(archive).as("the release archive (mvn -B package)").isRegularFile();
        return archive;
    }

    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = new ArrayList<>(files.map(f -> f.getFileName().toString()).toList());
            Collections.sort(names);
            return names;
        }
    }

    /** Waits for the dump that the first run started, as long as it takes; fails only if the dump failed. */
    private static Path awaitArchive(Path folder) throws Exception {
        while (true) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> all = files.toList();
                for (Path file : all) {
                    String name = file.getFileName().toString();
                    assertThat(name).as("the dump failed; its log: %s", all).doesNotEndWith(".failed");
                    if (name.endsWith(".jsa")) {
                        return file;
                    }
                }
            }
            Thread.sleep(200);
        }
    }

    private static Result hlm(String script) throws Exception {
        return hlm(script, Map.of());
    }

    /** A shell as a user has it: PATH with the link to bin/hlm, this java's bin and the system's tools. */
    private static Result hlm(String script, Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "PATH", onPath + File.pathSeparator + JAVA_BIN + File.pathSeparator + "/usr/bin:/bin",
                "HOME", dir.toString(), "XDG_CACHE_HOME", cache.toString()));
        env.putAll(extra);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        return run(List.of("/bin/sh", "-c", script), env, elsewhere);
    }

    /** Runs a command with exactly this environment, stdin empty, stdout and stderr together. */
    private static Result run(List<String> command, Map<String, String> env, Path cwd) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int code, String output) {}
}
