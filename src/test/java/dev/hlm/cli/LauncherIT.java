package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code hlm} launcher put on the PATH as a symlink, as users install it: it finds the checkout it lives
 * in through any chain of links, relative or absolute, and runs that checkout's jar from whatever directory
 * the user is in, building nothing where the link is.
 *
 * <p>The launcher under test is this checkout's own script, copied into a checkout made for the test, whose
 * {@code target/hlm.jar} is already newer than its sources: a jar whose manifest points at the classes this
 * test runs with. So the test never depends on whether {@code mvn package} ran, and never starts a build:
 * the PATH holds an {@code mvn} that only records being called.
 */
@Tag("process") // runs the ./hlm launcher
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir"), "hlm");
    /** The release archive's launcher (decision D21), POSIX sh, with the same rule for the JVM's flags. */
    private static final Path RELEASE_LAUNCHER = Path.of(System.getProperty("user.dir"), "src/dist/bin/hlm");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"absolute link", "relative link to a relative link"})
    void aLinkOnThePathRunsTheCheckoutItPointsAt(String how) throws Exception {
        Path checkout = checkout(dir.resolve("checkout"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        if (how.equals("absolute link")) {
            Files.createSymbolicLink(bin.resolve("hlm"), checkout.resolve("hlm"));
        } else {
            Path relay = Files.createDirectories(dir.resolve("links"));
            Files.createSymbolicLink(relay.resolve("hlm-relay"), Path.of("../checkout/hlm"));
            Files.createSymbolicLink(bin.resolve("hlm"), Path.of("../links/hlm-relay"));
        }
        Path mvnCalled = dir.resolve("mvn-called");
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path mvn = Files.writeString(tools.resolve("mvn"), "#!/bin/sh\necho \"$PWD $*\" >> '" + mvnCalled + "'\nexit 1\n");
        assertThat(mvn.toFile().setExecutable(true)).isTrue();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "hlm --version").directory(elsewhere.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("PATH", bin + File.pathSeparator + tools + File.pathSeparator + "/usr/bin:/bin");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("HLM_JAVA_OPTS");
        Process hlm = builder.start();
        String output = new String(hlm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(hlm.waitFor(60, TimeUnit.SECONDS)).as("hlm finished").isTrue();

        assertThat(hlm.exitValue()).as(output).isZero();
        assertThat(output).startsWith("hlm ").doesNotContain("building");
        assertThat(mvnCalled).as("Maven was run").doesNotExist();
        assertThat(bin.resolve("target")).doesNotExist();
        assertThat(elsewhere).isEmptyDirectory();
    }

    /**
     * The launcher picks the JVM's flags before Java runs, by the command the line names: the rule of
     * {@link Startup.Words#command}, which it repeats in shell (asking the jar would cost a second JVM start).
     * A {@code java} that prints its arguments shows what it chose.
     */
    @ParameterizedTest(name = "hlm {0}")
    @MethodSource("commandLines")
    void theLauncherReadsTheCommandAsJavaDoes(String line) throws Exception {
        Path checkout = checkout(dir.resolve("checkout"));
        assertTheJvmFlagsFollowTheCommand(checkout.resolve("hlm"), line, checkout.resolve("target/hlm.jar"));
    }

    static List<String> commandLines() {
        return List.of("sim", "-v sim --port 0", "link list", "--verbose link list", "--version", "link sim",
                "--target sim link list", "--fleet f.yaml sim");
    }

    /** The same for the release archive's bin/hlm, in an installation laid out as the archive has it. */
    @ParameterizedTest(name = "hlm {0}")
    @MethodSource("commandLines")
    void theReleaseLauncherReadsTheCommandAsJavaDoes(String line) throws Exception {
        Path installed = Files.createDirectories(dir.resolve("hlm-release/bin")).getParent();
        Path launcher = Files.copy(RELEASE_LAUNCHER, installed.resolve("bin/hlm"));
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        // No lib/hlm.classlist: no class-data-sharing dump to start with this java, which only prints.
        Path jar = Files.createFile(Files.createDirectories(installed.resolve("lib")).resolve("hlm.jar"));
        assertTheJvmFlagsFollowTheCommand(launcher, line, jar);
    }

    /**
     * The release launcher maps no class-data archive for {@code hlm --version} alone, which the jar answers without
     * picocli's model ({@link Startup#onlyTheVersion}): the two must agree on what "alone" is, or a version run pays
     * for mapping 38 MB, or a real command goes without its classes. The archive is made as on a user's machine, by
     * the launcher's own background dump, here with a {@code java} that writes a token archive.
     */
    @Test
    void theReleaseLauncherLeavesTheArchiveOutExactlyWhereJavaAnswersTheVersionAlone() throws Exception {
        Path installed = Files.createDirectories(dir.resolve("hlm-release/bin")).getParent();
        Path launcher = Files.copy(RELEASE_LAUNCHER, installed.resolve("bin/hlm"));
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        Path lib = Files.createDirectories(installed.resolve("lib"));
        Files.createFile(lib.resolve("hlm.jar"));
        Files.writeString(lib.resolve("hlm.classlist"), "java/lang/Object\n");
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");
        Path java = Files.writeString(javaHome.resolve("bin/java"), String.join("\n", "#!/bin/sh",
                "if [ \"$1\" = -Xshare:dump ]; then",
                "  for a; do case $a in -XX:SharedArchiveFile=*) echo archive >\"${a#-XX:SharedArchiveFile=}\" ;; esac; done",
                "  exit 0",
                "fi",
                "echo \"$@\"", ""));
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Path cache = dir.resolve("cache");

        runReleaseLauncher(launcher, javaHome, cache, "link list");
        Path hlmCache = cache.resolve("hlm");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hasArchive(hlmCache)) {
            assertThat(System.nanoTime()).as("the background dump wrote its archive").isLessThan(until);
            Thread.sleep(50);
        }

        for (String line : List.of("--version", "-V", "--version --verbose", "-V link list", "link list --version",
                "--verbose", "link list", "-VV")) {
            String javaArguments = runReleaseLauncher(launcher, javaHome, cache, line);
            boolean versionAlone = Startup.onlyTheVersion(line.split(" "));
            assertThat(javaArguments.contains("-XX:SharedArchiveFile=")).as("archive mapped for hlm %s: %s", line,
                    javaArguments).isEqualTo(!versionAlone);
            assertThat(javaArguments).endsWith("-jar " + lib.resolve("hlm.jar") + " " + line + "\n");
        }
    }

    private static boolean hasArchive(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (var files = Files.list(cache)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jsa"));
        }
    }

    private static String runReleaseLauncher(Path launcher, Path javaHome, Path cache, String line) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", launcher + " " + line)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().remove("HLM_JAVA_OPTS");
        Process hlm = builder.start();
        String javaArguments = new String(hlm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(hlm.waitFor(60, TimeUnit.SECONDS)).as("hlm finished").isTrue();
        return javaArguments;
    }

    /** A {@code java} that prints its arguments, in a Java home whose release file says 17, shows what was chosen. */
    private void assertTheJvmFlagsFollowTheCommand(Path launcher, String line, Path jar) throws Exception {
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");
        Path java = Files.writeString(javaHome.resolve("bin/java"), "#!/bin/sh\necho \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", launcher + " " + line)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("HLM_JAVA_OPTS");
        Process hlm = builder.start();
        String javaArguments = new String(hlm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(hlm.waitFor(60, TimeUnit.SECONDS)).as("hlm finished").isTrue();

        boolean server = "sim".equals(Startup.Words.of(line.split(" ")).command());
        assertThat(javaArguments).as("C1 only, the simulator too").contains("-XX:TieredStopAtLevel=1");
        assertThat(javaArguments.contains("-XX:+UseSerialGC")).as(javaArguments).isEqualTo(!server);
        assertThat(javaArguments).endsWith("-jar " + jar + " " + line + "\n");
    }

    /** A checkout whose jar is up to date: the launcher, sources and pom older than a jar of this test's classes. */
    private static Path checkout(Path root) throws IOException {
        Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path launcher = Files.copy(LAUNCHER, root.resolve("hlm"));
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (Path p : new Path[] {root.resolve("src/main/java"), root.resolve("src/main"), root.resolve("pom.xml")}) {
            Files.setLastModifiedTime(p, old);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(entry -> Path.of(entry).toUri().toString())
                        .collect(Collectors.joining(" ")));
        Path jar = Files.createDirectories(root.resolve("target")).resolve("hlm.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
        return root;
    }
}
