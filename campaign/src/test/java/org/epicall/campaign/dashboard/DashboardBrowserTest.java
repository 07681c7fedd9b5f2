package org.epicall.campaign.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.Calls;
import org.epicall.campaign.testsupport.HeadlessChromium;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.RecordingDialRequests;
import org.epicall.campaign.testsupport.RecordingPublisherConfiguration;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard in headless Chromium against the real service on a real port: an official signs in,
 * opens a campaign, starts it, watches the counts, the flagged residents and the answer chart arrive
 * over server-sent events, and records a follow-up; an analyst watches the same, and campaigns created
 * meanwhile, without being offered any action or shown any resident's name or number. Skips when Chromium or its driver are not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "epicall.campaign.storage-dir=./target/test-data/${random.uuid}")
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
class DashboardBrowserTest {

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

    private HeadlessChromium chromium;
    private DashboardPage page;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.startOrSkip("the dashboard browser test");
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        dialer.drain();
        page = new DashboardPage(chromium.driver(), port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void officialStartsACampaignAndWatchesResultsArrive() throws IOException {
        String id = Rosters.imported(campaigns, ROSTER).id();

        page.signIn("official", "official-secret");
        assertThat(page.text(By.id("signed-in"))).isEqualTo("signed in as official (Official)");
        page.click(By.cssSelector("tr.campaign[data-id='" + id + "'] a"));
        page.waitForText(By.id("detail-state"), "draft");
        page.click(By.id("action-start"));
        page.waitForText(By.id("detail-state"), "running");
        page.waitForText(By.id("live"), "live");
        page.click(By.id("tab-followup"));
        page.waitForText(By.id("flagged-count"), "Nobody to show.");

        List<DialRequest> calls = dial();
        answer(calls.get(0), true, List.of("fever"));
        answer(calls.get(1), false, List.of());
        new Calls(results, clock).busy(calls.get(2));

        // The follow-up tab is open: the flagged resident appears as the results arrive.
        page.waitForText(By.cssSelector("#flagged tbody"), "Kim Minji");
        assertThat(page.text(By.cssSelector("#flagged tbody"))).contains("+821010000001").contains("fever");
        assertThat(headings()).containsExactly("Resident", "Phone", "Flags", "Surveyed", "Followed up", "Actions");
        page.click(By.id("tab-overview"));
        page.waitForText(By.id("count-completed"), "2");
        assertThat(page.text(By.id("count-dialed"))).isEqualTo("3");
        assertThat(page.text(By.id("count-answered"))).isEqualTo("2");
        assertThat(page.text(By.id("count-retrying"))).isEqualTo("1");
        page.until(ExpectedConditions.attributeToBe(
                By.cssSelector(".chart[data-question='fever'] rect[data-label='yes']"), "data-count", "1"));
        assertThat(page.browser().findElements(By.cssSelector(".chart[data-question='fever'] rect"))).hasSize(2);
        page.screenshot(java.nio.file.Path.of("target", "screenshots", "dashboard.png"));

        page.click(By.id("tab-followup"));
        page.click(By.cssSelector("tr.flagged-resident button.followed-up"));
        page.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.flagged-resident"), 0));
        page.click(By.id("action-pause"));
        page.waitForText(By.id("detail-state"), "paused");
    }

    @Test
    void analystWatchesProgressWithoutActionsOrResidentsNamesAndNumbers() throws IOException {
        String id = Rosters.imported(campaigns, ROSTER).id();
        campaigns.start(id);

        page.signIn("analyst", "analyst-secret");
        assertThat(page.text(By.id("signed-in"))).isEqualTo("signed in as analyst (Analyst)");
        page.waitForText(By.id("live"), "live");
        String later = Rosters.imported(campaigns, ROSTER).id();
        page.waitForText(By.cssSelector("tr.campaign[data-id='" + later + "']"), "3");
        page.click(By.cssSelector("tr.campaign[data-id='" + id + "'] a"));
        page.waitForText(By.id("detail-state"), "running");
        page.waitForText(By.id("live"), "live");
        page.click(By.id("tab-followup"));

        List<DialRequest> calls = dial();
        answer(calls.get(0), true, List.of("fever"));
        answer(calls.get(1), false, List.of());
        new Calls(results, clock).busy(calls.get(2));

        page.waitForText(By.cssSelector("#flagged tbody"), calls.get(0).contactRef());
        assertThat(page.text(By.cssSelector("#flagged tbody"))).contains("fever");
        assertThat(headings()).containsExactly("Contact reference", "Flags", "Surveyed", "Followed up", "Actions");
        page.click(By.cssSelector("tr.flagged-resident button.show-answers"));
        page.waitForText(By.cssSelector("#resident tr[data-question='symptoms-any'] .transcript"),
                "없어요 not counted: the keypad answer counted");
        assertThat(page.text(By.cssSelector("#resident tr[data-question='fever'] .transcript"))).isEqualTo("네");
        assertThat(page.browser().findElements(By.cssSelector(".actions button")))
                .hasSize(4).noneMatch(WebElement::isDisplayed);
        assertThat(page.browser().findElements(By.cssSelector("button.followed-up"))).isEmpty();
        page.click(By.id("tab-overview"));
        page.waitForText(By.id("count-completed"), "2");
        assertThat(page.text(By.id("count-dialed"))).isEqualTo("3");
        assertThat(page.text(By.id("count-retrying"))).isEqualTo("1");
        page.until(ExpectedConditions.attributeToBe(
                By.cssSelector(".chart[data-question='fever'] rect[data-label='yes']"), "data-count", "1"));
        assertThat(page.browser().getPageSource()).doesNotContain(IDENTIFYING);
    }

    private List<DialRequest> dial() {
        scheduler.tick();
        return dialer.drain();
    }

    private List<String> headings() {
        return page.browser().findElements(By.cssSelector("#flagged thead th")).stream().map(WebElement::getText).toList();
    }

    private void answer(DialRequest call, boolean fever, List<String> flags) {
        new Calls(results, clock).answered(call, List.of(
                new AnsweredQuestion("fever", "네", fever, 0.9, Decision.ACCEPT, AnswerSource.VOICE, 1, null),
                new AnsweredQuestion("symptoms-any", "없어요", true, 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, 3, null)),
                flags);
    }
}
