package org.epicall.campaign.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.NewCampaign;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.RecordingDialRequests;
import org.epicall.campaign.testsupport.RecordingPublisherConfiguration;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard in headless Chromium against the real service on a real port: an official signs in,
 * opens a campaign, starts it, watches the counts, the flagged residents and the answer chart arrive
 * over server-sent events, and records a follow-up; an analyst watches the same without being offered
 * any action or shown any resident's name or number. Skips when Chromium or its driver are not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "epicall.campaign.storage-dir=./target/test-data/${random.uuid}")
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ROSTER = "phone,name\n010-1000-0001,Kim Minji\n010-1000-0002,Lee Seojun\n"
            + "010-1000-0003,Park Jiho\n";
    /** The roster's names and numbers, in each form the service or the dashboard might write them. */
    private static final List<String> IDENTIFYING = List.of("+8210", "010-1000-", "1010000001", "1010000002",
            "1010000003", "Kim Minji", "Lee Seojun", "Park Jiho");

    @LocalServerPort int port;
    @Autowired Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired RecordingDialRequests dialer;
    @Autowired AttemptResultHandler results;
    @Autowired MutableClock clock;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): run bin/install-test-deps;"
                        + " skipping the dashboard browser test");
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        dialer.drain();
        profile = Files.createTempDirectory("epicall-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void officialStartsACampaignAndWatchesResultsArrive() throws IOException {
        String id = imported("Seoul March check-in");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        signIn(wait, "official", "official-secret");
        wait.until(ExpectedConditions.textToBe(By.id("signed-in"), "signed in as official (Official)"));
        click(wait, By.cssSelector("tr.campaign[data-id='" + id + "'] a"));
        wait.until(ExpectedConditions.textToBe(By.id("detail-state"), "draft"));
        click(wait, By.id("action-start"));
        wait.until(ExpectedConditions.textToBe(By.id("detail-state"), "running"));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

        scheduler.tick();
        List<DialRequest> calls = dialer.drain();
        answer(calls.get(0), true, List.of("fever"));
        answer(calls.get(1), false, List.of());
        busy(calls.get(2));

        wait.until(ExpectedConditions.textToBe(By.id("count-completed"), "2"));
        assertThat(text("count-dialed")).isEqualTo("3");
        assertThat(text("count-answered")).isEqualTo("2");
        assertThat(text("count-retrying")).isEqualTo("1");
        // The tables re-render as events arrive, so look elements up afresh rather than holding on to them.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#flagged tbody"), "Kim Minji"));
        assertThat(browser.findElement(By.cssSelector("#flagged tbody")).getText())
                .contains("+821010000001").contains("fever");
        assertThat(flaggedHeadings()).containsExactly("Resident", "Phone", "Flags", "Surveyed", "");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".chart[data-question='fever'] rect"), 2));
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector(".chart[data-question='fever'] rect[data-label='yes']"), "data-count", "1"));
        screenshot("dashboard.png");

        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("tr.flagged-resident button.followed-up")).click();
            return true;
        });
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.flagged-resident"), 0));
        click(wait, By.id("action-pause"));
        wait.until(ExpectedConditions.textToBe(By.id("detail-state"), "paused"));
    }

    @Test
    void analystWatchesProgressWithoutActionsOrResidentsNamesAndNumbers() throws IOException {
        String id = imported("Busan March check-in");
        campaigns.start(id);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        signIn(wait, "analyst", "analyst-secret");
        wait.until(ExpectedConditions.textToBe(By.id("signed-in"), "signed in as analyst (Analyst)"));
        click(wait, By.cssSelector("tr.campaign[data-id='" + id + "'] a"));
        wait.until(ExpectedConditions.textToBe(By.id("detail-state"), "running"));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

        scheduler.tick();
        List<DialRequest> calls = dialer.drain();
        answer(calls.get(0), true, List.of("fever"));
        answer(calls.get(1), false, List.of());
        busy(calls.get(2));

        wait.until(ExpectedConditions.textToBe(By.id("count-completed"), "2"));
        assertThat(text("count-dialed")).isEqualTo("3");
        assertThat(text("count-retrying")).isEqualTo("1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#flagged tbody"),
                calls.get(0).contactRef()));
        assertThat(browser.findElement(By.cssSelector("#flagged tbody")).getText()).contains("fever");
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector(".chart[data-question='fever'] rect[data-label='yes']"), "data-count", "1"));
        assertThat(flaggedHeadings()).containsExactly("Contact reference", "Flags", "Surveyed");
        assertThat(browser.findElements(By.cssSelector(".actions button")))
                .hasSize(4).noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElements(By.cssSelector("button.followed-up"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(IDENTIFYING);
        screenshot("dashboard-analyst.png");
    }

    private String imported(String name) {
        return campaigns.create(new NewCampaign(name, Rosters.QUESTIONNAIRE, "covid.yaml", "roster.csv", "KR", "ko"),
                new ByteArrayInputStream(ROSTER.getBytes(StandardCharsets.UTF_8)), true).id();
    }

    private void signIn(WebDriverWait wait, String username, String password) {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private List<String> flaggedHeadings() {
        return browser.findElements(By.cssSelector("#flagged thead th")).stream().map(WebElement::getText).toList();
    }

    /** Server-sent events re-render the page at any moment, so an element found may be gone by the click: find it again. */
    private static void click(WebDriverWait wait, By target) {
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class).until(driver -> {
            driver.findElement(target).click();
            return true;
        });
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void answer(DialRequest call, boolean fever, List<String> flags) {
        Instant now = clock.instant();
        results.surveyFinished(new SurveyResponse(call.attemptId(), call.campaignId(), call.contactRef(),
                call.questionnaireId(), "ko", SurveyStatus.COMPLETE, null, now, now, List.of(
                new AnsweredQuestion("fever", "네", fever, 0.9, Decision.ACCEPT, AnswerSource.VOICE, 1, null)), flags));
        results.attemptFinished(new AttemptResult(call.attemptId(), call.campaignId(), call.contactRef(),
                CallOutcome.ANSWERED, 16, "pbx-1", now, now, now, ""));
    }

    private void busy(DialRequest call) {
        Instant now = clock.instant();
        results.attemptFinished(new AttemptResult(call.attemptId(), call.campaignId(), call.contactRef(),
                CallOutcome.BUSY, 17, "pbx-1", now, null, now, ""));
    }
}
