package dev.hlm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests, driven by Selenium through the chromedriver given explicitly, so
 * Selenium Manager never looks for (or downloads) a browser or a driver.
 *
 * <p>The binaries are Debian's ({@code apt-get install chromium chromium-driver}): {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver}, or where {@code -Dhlm.chromium=PATH} / {@code HLM_CHROMIUM} and
 * {@code -Dhlm.chromedriver=PATH} / {@code HLM_CHROMEDRIVER} point. When they are missing, a browser test
 * fails where a browser is required ({@code -Dhlm.browser.required=true}, or {@code CI} set) and is skipped
 * elsewhere ({@link ExternalTool}).
 */
public final class Chromium {
    static final String PACKAGES = "apt-get install chromium chromium-driver";

    private Chromium() {}

    /**
     * Starts a browser that trusts exactly {@code server}'s certificate (by its public key), with a fresh profile
     * under {@code profileParent}.
     */
    public static ChromeDriver start(X509Certificate server, Path profileParent) throws IOException {
        Path browser = ExternalTool.find("chromium", "browser", "/usr/bin/chromium", PACKAGES);
        Path driver = ExternalTool.find("chromedriver", "browser", "/usr/bin/chromedriver", PACKAGES);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory(profileParent, "chromium-profile-"),
                // Honoured only with a --user-data-dir: trusts this one key, and no other certificate error.
                "--ignore-certificate-errors-spki-list=" + spkiHash(server)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's SPKI list takes it. */
    private static String spkiHash(X509Certificate certificate) {
        try {
            byte[] spki = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(spki);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
