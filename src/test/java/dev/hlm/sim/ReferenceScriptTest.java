package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** How the tests of the original script find it: skipped on a plain clone, failed when CI names a wrong path. */
class ReferenceScriptTest {
    @TempDir
    Path dir;

    @Test
    void aCloneWithoutTheScriptBesideItSkipsAndSaysHowToRun() throws Exception {
        Path project = Files.createDirectories(dir.resolve("hlm"));
        assertThatThrownBy(() -> ReferenceScript.locate(null, " ", project))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(dir.resolve("shared/reference/HLMLinking.py").toString())
                .hasMessageContaining("-Dhlm.reference.script=PATH", "HLM_REFERENCE_SCRIPT=PATH");
    }

    @Test
    void theScriptBesideTheCheckoutIsFoundWithoutBeingNamed() throws Exception {
        Path project = Files.createDirectories(dir.resolve("hlm"));
        Path script = write(dir.resolve("shared/reference/HLMLinking.py"));
        assertThat(ReferenceScript.locate("", null, project)).isEqualTo(script);
    }

    @Test
    void aNamedScriptThatIsNotThereFailsRatherThanSkips() {
        assertThatThrownBy(() -> ReferenceScript.locate(dir.resolve("nowhere.py").toString(), null, dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("hlm.reference.script (or HLM_REFERENCE_SCRIPT) names " + dir.resolve("nowhere.py"))
                .hasMessageContaining("not a file");
        assertThatThrownBy(() -> ReferenceScript.locate(null, dir.toString(), dir))
                .as("a directory").isInstanceOf(AssertionError.class);
    }

    @Test
    void thePropertyWinsOverTheVariableAndARelativePathIsTheProjects() throws Exception {
        Path project = Files.createDirectories(dir.resolve("hlm"));
        Path byProperty = write(dir.resolve("a/HLMLinking.py"));
        Path byVariable = write(dir.resolve("b/HLMLinking.py"));
        assertThat(ReferenceScript.locate("../a/HLMLinking.py", byVariable.toString(), project)).isEqualTo(byProperty);
        assertThat(ReferenceScript.locate(null, byVariable.toString(), project)).isEqualTo(byVariable);
    }

    private static Path write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "# the script\n");
    }
}
