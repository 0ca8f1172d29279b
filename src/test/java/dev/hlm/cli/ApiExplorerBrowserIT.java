package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.testing.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's "apiexplorer way" in a real browser (issue 14): headless Chromium opens the simulator's
 * {@code /apiexplorer/}, chooses {@code hvc}, logs in, lists the link {@code hlm link create} made, unlinks it,
 * links the domain from the page as the original post does (UNVERIFIED_PEER first, then with the thumbprint it
 * reported), sees that link in {@code hlm link list}, is refused ALREADY_EXISTS, and logs out.
 *
 * <p>One browser and one simulator for the class; every wait is for an element or a text, never a fixed time.
 * Screenshots go to {@code target/apiexplorer/}; with {@code -Dhlm.explorer.screenshot=docs/apiexplorer.png}
 * the one of the link made from the page is also written there (the README's picture). Without Chromium the
 * test is skipped on a developer machine and fails on CI (see {@link Chromium}).
 */
@Tag("browser")
class ApiExplorerBrowserIT {
    private static final Path SHOTS = Path.of("target", "apiexplorer");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static Simulator sim;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Map<String, String> env;
    private static TestAbortedException skipped;
    /**
     * Held so it keeps its level: Selenium warns that it has no DevTools bindings for this Chromium, which the
     * test does not use (it drives the page through WebDriver only).
     */
    private static final java.util.logging.Logger DEVTOOLS = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools");

    @BeforeAll
    static void start() throws IOException {
        DEVTOOLS.setLevel(java.util.logging.Level.SEVERE);
        sim = Simulator.builder().build();
        Path ca = dir.resolve("vcenter-ca.pem");
        Files.writeString(ca, sim.cloudCertificate().pem());
        // Not SimEnv.of: Cli would then require no session open after each command, and the page holds one.
        env = SimServing.environment(sim, ca);
        Files.createDirectories(SHOTS);
        try {
            browser = Chromium.start(sim.cloudCertificate().certificate(), dir);
            wait = new WebDriverWait(browser, PATIENCE);
        } catch (TestAbortedException noBrowser) {
            skipped = noBrowser; // reported by each test, where surefire counts and shows a skip
        }
    }

    @BeforeEach
    void skipWithoutABrowser() {
        if (skipped != null) {
            throw skipped;
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void linksADomainFromThePageAsThePostDoes() throws IOException {
        Cli.Result made = Cli.run(env, "link", "create");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        String linkFromHlm = sim.links().get(0).link();

        browser.get(env.get("HLM_EXPLORER"));
        Select api = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("api-select"))));
        waitForOperation("GET", "/api/hvc/links");
        assertThat(api.getFirstSelectedOption().getText()).as("hvc is chosen first").isEqualTo("hvc");
        api.selectByValue("appliance");
        waitForOperation("GET", "/api/appliance/system/version");
        api.selectByValue("hvc");
        waitForOperation("GET", "/api/hvc/links");

        browser.findElement(By.id("explorer-user")).sendKeys(sim.cloudAdminUsername());
        browser.findElement(By.id("explorer-password")).sendKeys(new String(sim.cloudAdminPassword()));
        browser.findElement(By.id("explorer-login-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("explorer-status"), "Logged in as " + sim.cloudAdminUsername()));
        assertThat(browser.findElement(By.id("explorer-password")).getAttribute("value")).isEmpty();
        RecordedRequest login = last("POST", "/api/session");
        assertThat(login.header("vmware-use-header-authn")).isPresent();

        JsonNode listed = execute("GET", "/api/hvc/links", null, Edit.KEEP, 200, linkFromHlm);
        assertThat(listed.get(0).path("link").asText()).isEqualTo(linkFromHlm);
        assertThat(last("GET", "/api/hvc/links").header("vmware-api-session-id"))
                .as("the token from the login, sent without copying it by hand").isPresent();
        shoot("1-list");

        execute("DELETE", "/api/hvc/links/{link}", linkFromHlm, Edit.KEEP, 204, null);
        assertThat(sim.links()).isEmpty();

        // The body comes filled in with the simulator's PSC; the password is the one thing to type.
        JsonNode unverified = execute("POST", "/api/hvc/links", null,
                Edit.password(new String(sim.pscAdminPassword())), 400, "UNVERIFIED_PEER");
        String thumbprint = unverified.path("data").path("ssl_thumbprint").asText();
        assertThat(thumbprint).isEqualTo(sim.pscCertificate().sha256().toString());
        shoot("2-unverified-peer");

        // As the post says: add the thumbprint it reported to the body, and execute again.
        JsonNode id = execute("POST", "/api/hvc/links", null, Edit.append(", \"ssl_thumbprint\": \"" + thumbprint + "\""),
                201, "\"");
        WebElement linkedAnswer = waitForOperation("POST", "/api/hvc/links")
                .findElement(By.cssSelector(".live-responses-table"));
        // The picture shows the server's answer: the request above it (its curl line) carries the passwords.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", linkedAnswer);
        Path linked = shoot("3-linked");
        String screenshot = System.getProperty("hlm.explorer.screenshot");
        if (screenshot != null && !screenshot.isBlank()) {
            Files.copy(linked, Path.of(screenshot), StandardCopyOption.REPLACE_EXISTING);
        }
        Cli.Result list = Cli.run(env, "link", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(id.asText()).contains(sim.domainName());

        execute("POST", "/api/hvc/links", null, Edit.KEEP, 400, "ALREADY_EXISTS");

        browser.findElement(By.id("explorer-logout")).click();
        wait.until(ExpectedConditions.textToBe(By.id("explorer-status"), "Logged out"));
        assertThat(sim.openSessions()).as("the logout ended the page's session on the server").isZero();
        execute("GET", "/api/hvc/links", null, Edit.KEEP, 401, "UNAUTHENTICATED");
        assertThat(browser.findElement(By.id("explorer-login")).isDisplayed()).isTrue();
        shoot("4-logged-out");
    }

    @Test
    void aWrongPasswordIsRefusedOnThePage() {
        browser.get(env.get("HLM_EXPLORER"));
        waitForOperation("GET", "/api/hvc/links");
        browser.findElement(By.id("explorer-user")).sendKeys(sim.cloudAdminUsername());
        browser.findElement(By.id("explorer-password")).sendKeys("not-the-password");
        browser.findElement(By.id("explorer-login-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("explorer-status"), "Login failed: HTTP 401 UNAUTHENTICATED"));
        assertThat(browser.findElement(By.id("explorer-logout")).isDisplayed()).isFalse();
    }

    @Test
    void on67TheLoginAndEveryCallAreRest() {
        // The same certificate, so the browser trusts this simulator too.
        try (Simulator old = Simulator.builder().apiVersion(ApiVersion.V6_7).cloudCertificate(sim.cloudCertificate())
                .build()) {
            browser.get(old.explorerUrl().toString());
            waitForOperation("GET", "/rest/hvc/links");
            browser.findElement(By.id("explorer-user")).sendKeys(old.cloudAdminUsername());
            browser.findElement(By.id("explorer-password")).sendKeys(new String(old.cloudAdminPassword()));
            browser.findElement(By.id("explorer-login-button")).click();
            wait.until(ExpectedConditions.textToBe(By.id("explorer-status"), "Logged in as " + old.cloudAdminUsername()));
            assertThat(old.requests()).extracting(RecordedRequest::path).containsExactly("/rest/com/vmware/cis/session");

            JsonNode listed = execute("GET", "/rest/hvc/links", null, Edit.KEEP, 200, "value");
            assertThat(listed.path("value").isArray()).isTrue();
            browser.findElement(By.id("explorer-logout")).click();
            wait.until(ExpectedConditions.textToBe(By.id("explorer-status"), "Logged out"));
            assertThat(old.openSessions()).isZero();
        }
    }

    // --- the page, as a user works it ----------------------------------------------------------------

    private static WebElement waitForOperation(String method, String path) {
        By block = By.xpath("//div[contains(@class,'opblock ') and .//span[@class='opblock-summary-method' and text()='"
                + method + "'] and .//span[@class='opblock-summary-path' and @data-path='" + path + "']]");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(block));
    }

    /**
     * Opens an operation, fills in its link and body, presses Execute and waits for the answer with this status
     * and text; returns the answer's body as the page shows it (null when it has none).
     */
    private static JsonNode execute(String method, String path, String link, Edit body, int status, String text) {
        WebElement operation = waitForOperation(method, path);
        if (operation.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        }
        WebElement execute = wait.until(d -> operation.findElement(By.cssSelector("button.execute")));
        List<WebElement> clear = operation.findElements(By.cssSelector("button.btn-clear"));
        if (!clear.isEmpty()) {
            clear.get(0).click(); // the previous answer goes, so the wait below sees only the new one
            wait.until(d -> operation.findElements(By.cssSelector(".live-responses-table")).isEmpty());
        }
        if (link != null) {
            operation.findElement(By.cssSelector("tr[data-param-name='link'] input")).sendKeys(link);
        }
        if (body != Edit.KEEP) {
            body.apply(operation.findElement(By.cssSelector("textarea.body-param__text")));
        }
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", operation);
        execute.click();
        By code = By.cssSelector(".live-responses-table .response .response-col_status");
        try {
            wait.until(d -> operation.findElements(code).stream().anyMatch(e -> e.getText().trim().equals(status + "")));
        } catch (org.openqa.selenium.TimeoutException e) {
            shoot("failed");
            throw new AssertionError(method + " " + path + ": no answer " + status + " shown; the page shows: "
                    + operation.getText() + "\nlast request: " + sim.requests().get(sim.requests().size() - 1), e);
        }
        List<WebElement> shown = operation.findElements(By.xpath(
                ".//*[contains(@class,'live-responses-table')]//h5[text()='Response body']/following-sibling::div[1]//pre"));
        String answer = shown.isEmpty() ? "" : shown.get(0).getText();
        if (text != null) {
            assertThat(answer).as(method + " " + path).contains(text);
        }
        try {
            return answer.isBlank() ? null : Json.mapper().readTree(answer);
        } catch (IOException e) {
            throw new AssertionError("the page shows an answer that is not JSON: " + answer, e);
        }
    }

    /**
     * A change to the body editor, made with key strokes as a user makes it: from the end of the body, this many
     * characters back, type this text.
     */
    private record Edit(String text, int back) {
        static final Edit KEEP = new Edit("", 0);

        /** Into the empty {@code "password": ""} that ends the example: back over the {@code }}, line end and {@code "}. */
        static Edit password(String password) {
            return new Edit(password, 3);
        }

        /** Before the body's closing brace. */
        static Edit append(String text) {
            return new Edit(text, 1);
        }

        void apply(WebElement editor) {
            editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            for (int i = 0; i < back; i++) {
                editor.sendKeys(Keys.ARROW_LEFT);
            }
            editor.sendKeys(text);
        }
    }

    private static RecordedRequest last(String method, String path) {
        List<RecordedRequest> matching = sim.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path + " sent").isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static Path shoot(String name) {
        Path file = SHOTS.resolve(name + ".png");
        try {
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }
}
