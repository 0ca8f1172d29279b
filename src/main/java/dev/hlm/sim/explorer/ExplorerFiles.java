package dev.hlm.sim.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's static files: the project's own page and initializer, and the Swagger UI files of the
 * {@code org.webjars:swagger-ui} jar on the class path. Only the files named here are served, each looked up
 * under a fixed folder by its exact name, so no request path can reach any other resource (decision D19).
 */
final class ExplorerFiles {
    /** A file to send: its bytes and content type. */
    record File(byte[] bytes, String contentType) {}

    private static final String OWN = "/dev/hlm/sim/explorer/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Map<String, String> OWN_FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "hlm-explorer.js", "text/javascript; charset=utf-8",
            "hlm-explorer.css", "text/css; charset=utf-8");
    private static final Map<String, String> SWAGGER_UI_FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private final String webjarFolder;

    ExplorerFiles() {
        this.webjarFolder = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    }

    /** The version of the Swagger UI jar on the class path, as its Maven metadata names it. */
    static String swaggerUiVersion() {
        try (InputStream in = ExplorerFiles.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is not on the class path");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the project's own files, by name ({@code index.html}, {@code hlm-explorer.js}). */
    Optional<File> own(String name) {
        return read(OWN, name, OWN_FILES.get(name));
    }

    /** One of Swagger UI's files, by name ({@code swagger-ui-bundle.js}). */
    Optional<File> swaggerUi(String name) {
        return read(webjarFolder, name, SWAGGER_UI_FILES.get(name));
    }

    private static Optional<File> read(String folder, String name, String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        try (InputStream in = ExplorerFiles.class.getResourceAsStream(folder + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + folder + name);
            }
            return Optional.of(new File(in.readAllBytes(), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
