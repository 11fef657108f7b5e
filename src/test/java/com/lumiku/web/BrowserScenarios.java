package com.lumiku.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.Api;
import com.lumiku.testing.Browser;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app in a real browser (Debian's Chromium, see {@link Browser}), as its users use it: what
 * a visitor sees, a new user's whole first visit through the pages alone (register, buy credits
 * through the payment simulator, an avatar from a preset, a pose batch of it followed live, the
 * downloads), and an error at phone size. Every scenario also checks that the page wrote no errors
 * to the console.
 */
public interface BrowserScenarios extends Scenarios {

  /** The size of a phone (iPhone 12 to 15) in CSS pixels. */
  int PHONE_WIDTH = 390;

  int PHONE_HEIGHT = 844;

  @Test
  default void theLoggedOutPageShowsNoAccountControls() throws Exception {
    try (Browser browser = Browser.open(api().baseUrl(), 1280, 900)) {
      browser.check(
          "logged-out",
          () -> {
            browser.go("/");
            browser.test("nav-login");
            browser.test("dashboard-register");
            assertThat(browser.all("balance")).noneMatch(WebElement::isDisplayed);
            assertThat(browser.all("logout")).noneMatch(WebElement::isDisplayed);
            assertThat(browser.all("account-link")).noneMatch(WebElement::isDisplayed);
            assertThat(browser.consoleErrors()).isEmpty();
          });
    }
  }

  /**
   * Register, buy credits through the simulator's page (the balance rises), make an avatar from a
   * preset (it arrives over the stream and downloads as a PNG), pose it in a batch of three whose
   * poses change status on the page as they are drawn, and download the batch's ZIP.
   */
  @Test
  default void aNewUserBuysCreditsMakesAnAvatarAndPosesIt() throws Exception {
    try (Browser browser = Browser.open(api().baseUrl(), 1280, 900)) {
      browser.check(
          "first-visit",
          () -> {
            String email = register(browser);
            browser.until(Duration.ofSeconds(15), d -> balance(browser).equals("100"));

            buyPopularPackage(browser);
            assertThat(
                    TestDatabase.count(
                        "SELECT count(*) FROM payments p JOIN users u ON u.id = p.user_id"
                            + " WHERE u.email = ? AND p.status = 'paid'",
                        email))
                .isEqualTo(1);

            avatarFromPreset(browser);
            assertThat(Files.readAllBytes(download(browser, 1))).startsWith(0x89, 'P', 'N', 'G');
            browser.until(Duration.ofSeconds(15), d -> balance(browser).equals("640"));

            poseProjectOfTheAvatar(browser);
            poseBatchOfThree(browser);
            browser.click("batch-zip");
            assertThat(Files.readAllBytes(download(browser, 2))).startsWith('P', 'K');
            browser.until(Duration.ofSeconds(15), d -> balance(browser).equals("625"));
            assertThat(browser.consoleErrors()).isEmpty();
          });
    }
  }

  /**
   * The 402 of an order the page thought affordable (the credits were spent elsewhere meanwhile)
   * shows next to the Generate button, inside a phone's viewport, and nothing is charged.
   */
  @Test
  default void aPaymentRequiredErrorIsShownInThePhoneViewport() throws Exception {
    Api.Member member = api().register();
    UUID project = api().createProject(member);
    try (Browser browser = Browser.open(api().baseUrl(), PHONE_WIDTH, PHONE_HEIGHT)) {
      browser.check(
          "payment-required-phone",
          () -> {
            browser.signIn(member.token()).go("/#/avatar-creator/projects/" + project);
            browser.type("avatar-name-input", "Keeper");
            browser.type("prompt-input", "a lighthouse keeper at dawn");
            api()
                .as(api().admin())
                .body(Map.of("amount", -95, "reason", "spent in another tab"))
                .post("/api/admin/users/" + member.id() + "/credits")
                .then()
                .statusCode(201);
            browser.click("generate");
            WebElement error = browser.test("generate-error");
            browser.until(Duration.ofSeconds(5), d -> browser.inViewport(error));
            assertThat(error.getText()).containsIgnoringCase("credits");
            assertThat(browser.test("buy-credits-link").isDisplayed()).isTrue();
            assertThat(TestDatabase.balance(member.id())).isEqualTo(5);
            assertThat(TestDatabase.generations(member.id())).isEmpty();
          });
    }
  }

  /**
   * A session whose access token the server refuses is renewed with the refresh token and the
   * request repeated, without the user noticing; logging out then ends it on the server: the tokens
   * the page held are refused afterwards.
   */
  @Test
  default void aRefusedTokenIsRenewedAndLoggingOutEndsTheSessionOnTheServer() throws Exception {
    try (Browser browser = Browser.open(api().baseUrl(), 1280, 900)) {
      browser.check(
          "session",
          () -> {
            register(browser);
            String refresh =
                (String) browser.script("return localStorage.getItem('lumiku.refresh');");
            assertThat(refresh).isNotBlank();
            // An access token the server refuses (its signature broken), as after a revocation.
            browser.script(
                "const t = localStorage.getItem('lumiku.token');"
                    + " localStorage.setItem('lumiku.token', t.slice(0, -4) + 'AAAA');");
            browser.driver().navigate().refresh();
            browser.test("account-link").click();
            browser.until(
                Duration.ofSeconds(10),
                driver ->
                    !browser.all("account-email").isEmpty()
                        && browser.all("account-email").get(0).isDisplayed());
            String renewed =
                (String) browser.script("return localStorage.getItem('lumiku.token');");
            assertThat((String) browser.script("return localStorage.getItem('lumiku.refresh');"))
                .isNotEqualTo(refresh);
            api()
                .anonymous()
                .header("Authorization", "Bearer " + renewed)
                .get("/api/me")
                .then()
                .statusCode(200);

            browser.click("logout");
            browser.test("nav-login");
            assertThat(browser.script("return localStorage.getItem('lumiku.token');")).isNull();
            api()
                .anonymous()
                .header("Authorization", "Bearer " + renewed)
                .get("/api/me")
                .then()
                .statusCode(401);
          });
    }
  }

  /** Registers a new user through the page; returns the email address. */
  private static String register(Browser browser) {
    String email = "browser-" + UUID.randomUUID() + "@example.com";
    browser.go("/#/register");
    browser.type("register-name", "Browser User");
    browser.type("register-email", email);
    browser.type("register-password", "correct horse battery");
    browser.click("register-submit");
    browser.test("account-link");
    return email;
  }

  /** 500 + 50 credits for IDR 50,000, paid on the simulator's page: the balance 100 -> 650. */
  private static void buyPopularPackage(Browser browser) {
    browser.test("balance").click();
    browser.click("buy-credits");
    browser.click("package-popular");
    new Select(browser.test("payment-method")).selectByValue("BC");
    browser.click("buy-submit");
    // The simulator's page, then back to the web app's return page.
    browser.visible(By.cssSelector("button[value='pay']"), Duration.ofSeconds(15)).click();
    browser.until(
        Duration.ofSeconds(30),
        d -> "paid".equals(browser.test("payment-status").getAttribute("data-status")));
    browser.until(
        Duration.ofSeconds(15),
        d -> digits(browser.test("payment-balance").getText()).equals("650"));
    assertThat(balance(browser)).isEqualTo("650");
  }

  /** A project, an avatar from the first preset, and its PNG downloaded (10 credits). */
  private static void avatarFromPreset(Browser browser) {
    browser.click("nav-avatar-creator");
    browser.type("project-name-input", "Browser project");
    browser.click("project-create-submit");
    browser.test("project-title");
    browser.click("tab-preset");
    browser.click("preset-option");
    browser.type("avatar-name-input", "Preset hero");
    browser.click("generate");
    // Live: the end of the order arrives over the stream (the page never polls), is announced,
    // and the avatar joins the gallery without a reload.
    browser.until(
        Duration.ofSeconds(60), d -> browser.test("announcement").getText().contains("is ready"));
    browser.click("avatar-open");
    browser.click("download-png");
  }

  /** A pose project posing the avatar just made, chosen on the Pose Generator's page. */
  private static void poseProjectOfTheAvatar(Browser browser) {
    browser.go("/#/pose-generator");
    browser.type("pose-project-name", "Browser poses");
    browser.click("subject-kind-avatar");
    browser.click("subject-avatar");
    browser.click("create-pose-project");
    browser.until(Duration.ofSeconds(15), d -> browser.all("pose-pick").size() >= 3);
  }

  /**
   * Three poses from the library (15 credits): each pose's status on the page changes as its job
   * ends (the statuses are recorded in the page as they change), and all end completed.
   */
  private static void poseBatchOfThree(Browser browser) {
    for (WebElement pick : browser.all("pose-pick").subList(0, 3)) {
      browser.script("arguments[0].scrollIntoView({block: 'center'});", pick);
      pick.click();
    }
    browser.script(
        "window.seenPoseStatuses = [];"
            + " new MutationObserver(() => document.querySelectorAll("
            + "'[data-test=pose-progress]').forEach(p =>"
            + " window.seenPoseStatuses.push(p.dataset.status)))"
            + ".observe(document.body, {subtree: true, childList: true, attributes: true,"
            + " attributeFilter: ['data-status']});");
    browser.click("batch-submit");
    browser.until(
        Duration.ofSeconds(60),
        d ->
            browser.all("pose-progress").size() == 3
                && browser.all("pose-progress").stream()
                    .allMatch(p -> "completed".equals(p.getAttribute("data-status"))));
    @SuppressWarnings("unchecked")
    List<String> seen = (List<String>) browser.script("return window.seenPoseStatuses;");
    assertThat(seen)
        .as("statuses shown before the poses were drawn")
        .anyMatch(status -> !status.equals("completed"));
  }

  /** The newest of the browser's downloads once there are {@code count}. */
  private static Path download(Browser browser, int count) throws Exception {
    browser.until(Duration.ofSeconds(20), d -> browser.downloads().size() >= count);
    return browser.downloads().stream()
        .max(
            (a, b) -> {
              try {
                return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .orElseThrow();
  }

  private static String balance(Browser browser) {
    return digits(browser.test("balance-value").getText());
  }

  private static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }
}
