package dev.hlm.sim;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the original {@code HLMLinking.py} is, for the tests that run it. It is not part of this repository:
 * {@code -Dhlm.reference.script=PATH} (or {@code HLM_REFERENCE_SCRIPT=PATH}) names it, else it is looked for
 * at {@code ../shared/reference/HLMLinking.py} beside the checkout.
 *
 * <p>Named explicitly (as CI does), the script and python3 with requests must be there: the tests fail
 * otherwise, so a CI run cannot pass without them. Not named and not beside the checkout (a plain clone),
 * the tests are skipped, saying how to run them.
 */
final class ReferenceScript {
    static final String PROPERTY = "hlm.reference.script";
    static final String VARIABLE = "HLM_REFERENCE_SCRIPT";
    private static final Path BESIDE_THE_CHECKOUT = Path.of("..", "shared", "reference", "HLMLinking.py");

    private ReferenceScript() {}

    /** The script to run, with python3 and requests checked; skips or fails the calling test as above. */
    static Path require() throws InterruptedException {
        Path script = locate(System.getProperty(PROPERTY), System.getenv(VARIABLE), Path.of(System.getProperty("user.dir")));
        requirePythonWithRequests();
        return script;
    }

    /**
     * The script the property (first) or the variable names, relative to {@code projectDir}, else the one
     * beside the checkout; fails when a named one is missing, skips when there is none beside the checkout.
     */
    static Path locate(String property, String variable, Path projectDir) {
        String named = property != null && !property.isBlank() ? property.strip()
                : variable != null && !variable.isBlank() ? variable.strip() : null;
        if (named == null) {
            Path script = projectDir.resolve(BESIDE_THE_CHECKOUT).normalize();
            Assumptions.assumeTrue(Files.isRegularFile(script), () -> "skipped: the original HLMLinking.py is not at "
                    + script + "; to run these tests, name it: mvn verify -D" + PROPERTY + "=PATH (or "
                    + VARIABLE + "=PATH)");
            return script;
        }
        Path script = projectDir.resolve(named).normalize();
        if (!Files.isRegularFile(script)) {
            fail(PROPERTY + " (or " + VARIABLE + ") names " + script + ", which is not a file");
        }
        return script;
    }

    /** Fails, never skips: with the script at hand, a machine without them cannot show it still works. */
    private static void requirePythonWithRequests() throws InterruptedException {
        Process check;
        try {
            check = new ProcessBuilder("python3", "-c", "import requests").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            fail("python3 is not installed: install python3 with the requests module "
                    + "(Debian: apt-get install python3 python3-requests)");
            return;
        }
        String said;
        try {
            said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            said = "";
        }
        if (!check.waitFor(60, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            fail("python3 -c 'import requests' did not finish within 60 s");
        }
        if (check.exitValue() != 0) {
            fail("python3 has no requests module: pip install requests "
                    + "(Debian's python3: apt-get install python3-requests)\n" + said);
        }
    }
}
