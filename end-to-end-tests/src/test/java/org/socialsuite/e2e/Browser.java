package org.socialsuite.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialsuite.testsupport.RequiredTools;
import org.socialsuite.testsupport.gateway.TestCertificate;

/**
 * Headless Chromium from Debian (chromium and chromium-driver), driven by Selenium; nothing is
 * downloaded. Waits retry through re-renders, and screenshots go to target/screenshots. Chromium's
 * network log tells what every page asked for and how it was answered.
 */
final class Browser implements AutoCloseable {

    /** One answer a page received: a document, a script, an API call, the favicon. */
    record Response(int status, String url) {}

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Json JSON = new Json();

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final List<Response> responses = new ArrayList<>();

    private Browser(String trustedKey) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1440,960",
                // The gateway's test certificate, and no other one that fails verification.
                "--ignore-certificate-errors-spki-list=" + trustedKey);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        options.setExperimentalOption(
                "perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    /**
     * Opens the browser; without Debian's chromium the story is skipped, unless
     * BROWSER_TESTS=required (as in CI, which installs it), where that is a failure.
     */
    static Browser open(TestCertificate trusted) {
        RequiredTools.assumeInstalled(
                CHROMIUM.canExecute() && DRIVER.canExecute(),
                "BROWSER_TESTS",
                "apt-get install chromium chromium-driver");
        return new Browser(trusted.spkiSha256());
    }

    /** Retries until it holds, through the pages' re-renders. */
    <T> T until(Function<WebDriver, T> condition) {
        return wait.ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String test) {
        return until(d -> d.findElement(By.cssSelector("[data-test='" + test + "']")));
    }

    /** Clicks the element once it shows: a person cannot click what the page still hides. */
    void click(String test) {
        wait.ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(
                        d -> {
                            d.findElement(By.cssSelector("[data-test='" + test + "']")).click();
                            return true;
                        });
    }

    void type(String test, String text) {
        until(
                d -> {
                    WebElement input = d.findElement(By.cssSelector("[data-test='" + test + "']"));
                    input.clear();
                    input.sendKeys(text);
                    return true;
                });
    }

    /** Waits for the text anywhere inside the element. */
    void awaitText(String test, String text) {
        until(
                d ->
                        d.findElement(By.cssSelector("[data-test='" + test + "']"))
                                .getText()
                                .contains(text));
    }

    /** Every response the pages have received since the browser opened. */
    List<Response> responses() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            // Each entry is a DevTools protocol event, as JSON.
            Map<?, ?> logged = JSON.toType(entry.getMessage(), Map.class);
            Map<?, ?> event = (Map<?, ?>) logged.get("message");
            if ("Network.responseReceived".equals(event.get("method"))) {
                Map<?, ?> response = (Map<?, ?>) ((Map<?, ?>) event.get("params")).get("response");
                responses.add(
                        new Response(
                                ((Number) response.get("status")).intValue(),
                                (String) response.get("url")));
            }
        }
        return List.copyOf(responses);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
