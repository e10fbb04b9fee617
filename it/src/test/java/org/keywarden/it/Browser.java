package org.keywarden.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, with its chromedriver at an explicit path, so Selenium Manager
 * never downloads anything) with a fresh profile. Every page it shows is kept for the leak scan,
 * except the one answer that shows a recovery key or TPM owner hash ({@code data-shows-secret}). Waits are on the page's own signals: the
 * {@code data-ready} mark portal.js sets when a page has loaded, never a sleep.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("keywarden.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("keywarden.test.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        return open("en");
    }

    /** A browser whose user asks for pages in {@code language} (Accept-Language). */
    public static Browser open(String language) {
        try {
            Path profile = Files.createTempDirectory("keywarden-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1280,1000", "--lang=" + language, "--user-data-dir=" + profile);
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the page made the browser download, once it is complete. */
    public Path awaitDownload(String fileName) {
        Path file = profile.resolve("downloads").resolve(fileName);
        waiting().until(d -> Files.isRegularFile(file) && !Files.exists(file.resolveSibling(fileName + ".crdownload")));
        return file;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens a path of the application and waits until the page (or the error page) has loaded. */
    public void go(String path) {
        driver.get(Keywarden.baseUrl() + path);
        awaitLoaded();
    }

    /**
     * Clicks what leads to another page and waits for that page: the page being left is marked, and the
     * next one announces itself with {@code data-ready} (or is the error page).
     */
    public void clickAndWait(WebElement element) {
        script("document.body.setAttribute('data-ready', 'leaving');");
        element.click();
        awaitLoaded();
    }

    void awaitLoaded() {
        waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true'], body.kw-error")).isEmpty());
        // the one answer that rightly shows a secret marks itself; every other page is searched by the leak scan
        if (driver.findElements(By.cssSelector("[data-shows-secret]")).isEmpty()) {
            Http.REPLY_BODIES.add(driver.getPageSource());
        }
    }

    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public boolean has(String cssSelector) {
        return !findAll(cssSelector).isEmpty();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.substring(Keywarden.baseUrl().length());
    }

    public String source() {
        return driver.getPageSource();
    }

    public Object script(String javaScript) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javaScript);
    }

    /** Saves a screenshot under target/screenshots (for the docs and for a failing test's reader). */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
