package com.lumiku.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the browser tests: Debian's Chromium, headless, driven through Debian's
 * ChromeDriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; the system properties
 * {@code lumiku.chromium} and {@code lumiku.chromedriver} point elsewhere). Both paths are given to
 * Selenium, so Selenium Manager never runs and nothing is downloaded. A failing step leaves a
 * screenshot and the page's HTML under {@code target/browser-failures/}.
 *
 * <p>Pages mark what tests use with {@code data-test} attributes; {@link #test(String)} finds them.
 */
public final class Browser implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Browser.class.getName());
  private static final Path FAILURES = Path.of("target", "browser-failures");

  private final ChromeDriver driver;
  private final String base;
  private final Path downloads;

  /** A step of a browser test. */
  @FunctionalInterface
  public interface Step {
    void run() throws Exception;
  }

  private Browser(ChromeDriver driver, String base, Path downloads) {
    this.driver = driver;
    this.base = base;
    this.downloads = downloads;
  }

  /** Opens a browser window of this size on the application at {@code base}. */
  public static Browser open(String base, int width, int height) {
    File chromium = new File(System.getProperty("lumiku.chromium", "/usr/bin/chromium"));
    File chromedriver =
        new File(System.getProperty("lumiku.chromedriver", "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      throw new IllegalStateException(
          "The browser tests need Debian's Chromium and its driver ("
              + chromium
              + ", "
              + chromedriver
              + "): apt-get install chromium chromium-driver (see the README)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=" + width + "," + height);
    Path downloads;
    try {
      Files.createDirectories(Path.of("target"));
      downloads = Files.createTempDirectory(Path.of("target"), "browser-downloads-");
    } catch (IOException e) {
      throw new IllegalStateException("No folder for the browser's downloads", e);
    }
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // The window's size includes what the browser draws around the page: grow it until the page
    // itself (what CSS calls the viewport) has the size asked for.
    driver.manage().window().setSize(new Dimension(width, height));
    long innerWidth = (Long) driver.executeScript("return window.innerWidth;");
    long innerHeight = (Long) driver.executeScript("return window.innerHeight;");
    driver
        .manage()
        .window()
        .setSize(new Dimension((int) (2L * width - innerWidth), (int) (2L * height - innerHeight)));
    return new Browser(
        driver, base.endsWith("/") ? base.substring(0, base.length() - 1) : base, downloads);
  }

  /**
   * Runs a test's steps; if one fails, keeps a screenshot and the page as {@code name}.png/.html
   * under target/browser-failures before the failure goes on.
   */
  public void check(String name, Step steps) throws Exception {
    try {
      steps.run();
    } catch (Exception | AssertionError e) {
      keep(name);
      throw e;
    }
  }

  private void keep(String name) {
    try {
      Files.createDirectories(FAILURES);
      Path picture = FAILURES.resolve(name + ".png");
      Files.write(picture, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      LOG.log(
          Level.WARNING, "Browser test {0} failed; screenshot {1}", new Object[] {name, picture});
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "No screenshot of the failed browser test " + name, e);
    }
  }

  /** Goes to a path of the application, e.g. {@code /#/credits}. */
  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  /** The visible element marked {@code data-test="id"}, waiting up to 15 s for it. */
  public WebElement test(String id) {
    return visible(By.cssSelector("[data-test='" + id + "']"), Duration.ofSeconds(15));
  }

  /** The visible element this selector finds, waiting up to {@code within}. */
  public WebElement visible(By selector, Duration within) {
    return new WebDriverWait(driver, within)
        .until(ExpectedConditions.visibilityOfElementLocated(selector));
  }

  /** The elements marked {@code data-test="id"} now, visible or not. */
  public List<WebElement> all(String id) {
    return driver.findElements(By.cssSelector("[data-test='" + id + "']"));
  }

  /** Waits up to {@code within} for a condition on the page. */
  public void until(Duration within, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, within).pollingEvery(Duration.ofMillis(100)).until(condition);
  }

  /** Clears the field and types {@code text} into it. */
  public Browser type(String id, String text) {
    WebElement field = test(id);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  /** Clicks the element marked {@code data-test="id"} once it can be clicked. */
  public Browser click(String id) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.elementToBeClickable(test(id)))
        .click();
    return this;
  }

  /** Whether the element is wholly inside the viewport (what the user sees without scrolling). */
  public boolean inViewport(WebElement element) {
    return (Boolean)
        ((JavascriptExecutor) driver)
            .executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                    + " return r.height > 0 && r.top >= 0 && r.left >= 0"
                    + " && r.bottom <= window.innerHeight && r.right <= window.innerWidth;",
                element);
  }

  /** Runs a script in the page and returns what it returns. */
  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** The errors the page wrote to its console (and failed loads) since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * Signs the browser in as someone registered through the API: the web app keeps the token in
   * localStorage under {@code lumiku.token} (js/shared/session.js), so this stores it and reloads.
   */
  public Browser signIn(String token) {
    go("/");
    script("localStorage.setItem('lumiku.token', arguments[0]);", token);
    driver.navigate().refresh();
    test("account-link");
    return this;
  }

  /** The files the browser has finished downloading (Chromium's partial files left out). */
  public List<Path> downloads() {
    try (var files = Files.list(downloads)) {
      return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
