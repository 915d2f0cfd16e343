package qoegraph.http;

import qoegraph.testsupport.Servers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * GraphiQL works with no network: Debian's headless Chromium, with every off-machine request blocked (no DNS but
 * localhost, a dead proxy), opens /graphiql from a real server, a query is typed into the editor and run, and the
 * answer (computed by hand from the fixture below) shows in the result pane. The screenshot is kept as
 * target/graphiql-screenshot.png. Skipped only when /usr/bin/chromium or /usr/bin/chromedriver is absent.
 *
 * <p>Fixture: BTP p2p 300 + 150 of 400 + 200 bytes: p2pShare 0.75; Fro 100 of 400: 0.25.
 */
class GraphiqlBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target/graphiql-screenshot.png");

    @TempDir
    static Path dir;
    private static EmbeddedServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        server = Servers.start(dir.resolve("db.duckdb"), Map.of());
        Servers.execute(server, List.of("INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES "
                + "(1, 'BTP', 'Iron', true, 300, 100), (1, 'BTP', 'Iron', true, 150, 50), "
                + "(1, 'Fro', 'Iron', true, 100, 300)"));
        browser = offlineChromium(dir.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The driver and the browser are given by path, so Selenium Manager has nothing to look up or download. */
    private static ChromeDriver offlineChromium(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=localhost;127.0.0.1");
        return new ChromeDriver(service, options);
    }

    @Test
    void aQueryTypedIntoGraphiqlShowsItsAnswer() throws Exception {
        browser.get(server.getURL() + "/graphiql");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement editor = wait.until(d -> d.findElement(By.cssSelector(".graphiql-query-editor .CodeMirror")));
        assertTrue(editorText(".graphiql-query-editor").contains("p2pShare"), "opens on the P2P share example");

        editor.click();
        Keys selectAll = System.getProperty("os.name").contains("Mac") ? Keys.COMMAND : Keys.CONTROL;
        new Actions(browser).keyDown(selectAll).sendKeys("a").keyUp(selectAll).sendKeys(Keys.DELETE)
                .sendKeys("{ sessions { isp p2pShare } }").perform();
        assertEquals("{ sessions { isp p2pShare } }", editorText(".graphiql-query-editor"), "the typed query");
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();

        wait.until(d -> editorText(".graphiql-response").contains("0.75"));
        String result = editorText(".graphiql-response");
        assertTrue(result.contains("\"isp\": \"BTP\""), result);
        assertTrue(result.contains("\"p2pShare\": 0.75"), result);
        assertTrue(result.contains("\"p2pShare\": 0.25"), result);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theDocsPaneShowsTheModelsDescriptions() {
        browser.get(server.getURL() + "/graphiql");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']"))).click();
        wait.until(d -> d.findElement(By.xpath("//div[contains(@class,'graphiql-doc-explorer')]//a[text()='Query']")))
                .click();
        wait.until(d -> d.findElement(By.cssSelector(".graphiql-doc-explorer")).getText()
                .contains("One root field per dataset"));
        String docs = browser.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
        assertTrue(docs.contains("sessions") && docs.contains("catalog"), docs);
    }

    @Test
    void everyResourceOfThePageComesFromTheServer() {
        browser.get(server.getURL() + "/graphiql");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector(".graphiql-query-editor .CodeMirror")).isEmpty());
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertTrue(loaded.stream().anyMatch(url -> url.contains("/webjars/graphiql/")), loaded::toString);
        String origin = server.getURL().toString();
        loaded.stream().filter(url -> !url.startsWith("data:") && !url.startsWith("blob:")) // in-page, no request
                .forEach(url -> assertTrue(url.startsWith(origin), "loaded from off the server: " + url));
    }

    @Test
    void offMachineRequestsAreBlocked() {
        Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('https://unpkg.com/react@18/umd/react.production.min.js', {mode: 'no-cors'})"
                + ".then(() => done('reached'), e => done('blocked'))");
        assertEquals("blocked", status);
    }

    private static String editorText(String pane) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return document.querySelector(arguments[0] + ' .CodeMirror').CodeMirror.getValue()", pane));
    }
}
