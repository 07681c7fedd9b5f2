package org.epicall.campaign.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditEvent;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.prompt.PromptRenderer;
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
import org.epicall.campaign.testsupport.Wavs;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An official runs a campaign from the browser, not from curl: creates it from a roster with bad rows
 * (sees the rejects before and after), chooses the questionnaire after a broken upload is refused at its
 * line, sets the retries, starts it, reads the questionnaire and records its own introduction, and
 * follows up a flagged resident (answers, recording, export, call back), all of which the audit log
 * then shows. An analyst sees none of the
 * official's controls and no resident's name, number or voice. Headless Chromium against the real
 * service; skips when Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "epicall.campaign.storage-dir=./target/test-data/${random.uuid}")
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
class CampaignWorkflowBrowserTest {

    /** Line 3 is no number, line 5 repeats line 2's. */
    private static final String ROSTER = "phone,name\n010-1000-0001,Kim Minji\n010-12,Lee Seojun\n"
            + "010-1000-0002,Park Jiho\n010 1000 0001,Kim again\n010-1000-0003,Choi Yuna\n";
    private static final List<String> IDENTIFYING = List.of("+8210", "010-1000-", "1010000001", "1010000002",
            "1010000003", "Kim Minji", "Park Jiho", "Choi Yuna");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired RecordingDialRequests dialer;
    @Autowired AttemptResultHandler handler;
    @Autowired MutableClock clock;
    @Autowired AuditLog audit;
    @Autowired CampaignProperties properties;
    @TempDir Path files;

    private HeadlessChromium chromium;
    private DashboardPage page;

    @BeforeEach
    void browser() throws IOException {
        chromium = HeadlessChromium.startOrSkip("the campaign workflow browser test");
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z")); // Monday 10:00 in Seoul
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
    void officialCreatesACampaignFromARosterWithBadRowsStartsItAndFollowsUpAFlaggedResident() throws Exception {
        page.signIn("official", "official-secret");
        page.click(By.id("new-campaign"));

        // Step 1: the roster is checked as the import will check it, before anything is created.
        page.type(By.id("wizard-name"), "Seoul March check-in");
        page.type(By.id("wizard-roster"), write("residents.csv", ROSTER));
        page.click(By.id("wizard-check"));
        page.waitForText(By.id("preview-summary"), "5 rows: 3 residents will be called, 2 rows will be rejected.");
        assertThat(page.text(By.id("preview-rejects")))
                .contains("3 phone '010-12' is not a valid KR number")
                .contains("5 phone +821010000001 duplicates line 2");
        assertThat(page.text(By.id("preview-rows"))).contains("Kim Minji").contains("+821010000001 · Asia/Seoul");
        assertThat(page.unlabelledControls()).isEmpty();
        page.screenshot(SCREENSHOTS.resolve("new-campaign-roster.png"));
        page.click(By.id("wizard-next"));

        // Step 2: a broken questionnaire is refused at its line; the shipped one is chosen instead.
        page.type(By.id("wizard-questionnaire-file"), write("broken.yaml",
                Rosters.QUESTIONNAIRE.replace("type: number", "type: numbr")));
        page.waitFor(By.id("questionnaire-problems"));
        assertThat(page.text(By.id("questionnaire-problems"))).matches("(?s)line \\d+: .*numbr.*");
        page.click(By.cssSelector("input[data-ref='shipped:covid-checkin']"));
        page.click(By.id("wizard-show-questions"));
        page.waitForText(By.cssSelector("#questionnaire-preview li[data-question='temperature']"),
                "Asked only when fever is yes.");
        page.click(By.id("wizard-next"));

        // Step 3: the defaults are filled in; the official allows three attempts, by keyboard.
        WebElement attempts = page.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard-max-attempts")));
        assertThat(attempts.getAttribute("value")).isEqualTo("5");
        attempts.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
        page.browser().findElement(By.id("wizard-daily-cap")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        page.click(By.id("wizard-next"));

        // Step 4: the summary, then the campaign exists as a draft with its import's rejects.
        page.waitForText(By.id("wizard-summary"), "residents.csv: 3 residents to call, 2 rows rejected");
        assertThat(page.text(By.id("wizard-summary"))).contains("At most 3 attempts per resident, 2 a day");
        page.click(By.id("wizard-create"));
        page.waitForText(By.id("import-status"), "Roster: 3 residents imported, 2 rows rejected.");
        page.waitForText(By.id("rejects-table"), "phone '010-12' is not a valid KR number");
        String id = page.text(By.id("detail-id"));
        assertThat(campaigns.schedule(id).maxAttempts()).isEqualTo(3);
        assertThat(page.text(By.id("detail-state"))).isEqualTo("draft");

        page.click(By.id("action-start"));
        page.waitForText(By.id("detail-state"), "running");
        page.waitForText(By.id("live"), "live");
        List<DialRequest> calls = callsOf(id);
        DialRequest kim = calls.get(0);
        Calls reports = new Calls(handler, clock);
        reports.answered(kim, List.of(
                new AnsweredQuestion("fever", "열이 나요", true, 0.91, Decision.ACCEPT, AnswerSource.VOICE, 1,
                        Calls.recording(properties.followUp().recordingsDir(), kim, "fever"), true),
                new AnsweredQuestion("temperature", "", new BigDecimal("38.2"), 1.0, Decision.ACCEPT,
                        AnswerSource.KEYPAD, 3, null)), List.of("high_temperature"));
        reports.answered(calls.get(1), List.of(
                new AnsweredQuestion("contact", "네", true, 0.8, Decision.ACCEPT, AnswerSource.VOICE, 1, null)),
                List.of("confirmed_contact"));
        reports.busy(calls.get(2));
        page.waitForText(By.id("count-completed"), "2");

        // The questionnaire tab, reached by keyboard from the overview tab.
        page.click(By.id("tab-overview"));
        page.browser().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        page.until(ExpectedConditions.attributeToBe(By.id("tab-questionnaire"), "aria-selected", "true"));
        assertThat(page.focused()).startsWith("tab-questionnaire|");
        page.waitForText(By.cssSelector("#panel-questionnaire li[data-question='travel_country']"),
                "Asked only when travel is yes.");
        assertThat(page.text(By.cssSelector("#panel-questionnaire .triage"))).contains("temperature ≥ 37.5");

        // The official's own recording of the introduction replaces it, and plays; a studio file is refused.
        page.type(By.cssSelector("#panel-questionnaire li[data-prompt='intro'] input.prompt-upload"),
                write("intro.wav", Wavs.telephone()));
        page.waitFor(By.cssSelector("#panel-questionnaire li[data-prompt='intro'] audio"));
        assertThat(play("#panel-questionnaire li[data-prompt='intro'] audio")).isEqualTo("playing");
        // What nobody recorded is listed (in production the campaign would not start); the official renders it.
        page.waitForText(By.cssSelector("#prompts-missing p"), "prompts have no recording yet");
        if (PromptRenderer.unavailableBecause().isEmpty()) {
            page.click(By.id("prompts-render"));
            page.until(ExpectedConditions.invisibilityOfElementLocated(By.id("prompts-missing")));
            assertThat(page.text(By.cssSelector("#panel-questionnaire li[data-prompt='intro'] .prompt-source")))
                    .contains("recorded by an official");
            assertThat(page.text(By.cssSelector("#panel-questionnaire li[data-prompt='sorry'] .prompt-source")))
                    .contains("synthesised");
        }
        page.type(By.cssSelector("#panel-questionnaire li[data-prompt='thanks'] input.prompt-upload"),
                write("studio.wav", Wavs.tone(44100, 2, 0.2)));
        page.waitForText(By.cssSelector("#panel-questionnaire li[data-prompt='thanks'] .error"),
                "studio.wav is 44100 Hz, 2 channels");
        page.click(By.cssSelector("#panel-questionnaire details.read-backs summary"));
        page.waitForText(By.cssSelector("#panel-questionnaire li[data-prompt='temperature-confirm-37.5']"), "37.5");
        page.screenshot(SCREENSHOTS.resolve("questionnaire.png"));

        // Follow-up: the feverish resident, by flag; their answers, their voice, the export, the call back.
        page.click(By.id("tab-followup"));
        page.waitFor(By.cssSelector("tr.flagged-resident[data-contact-ref='" + calls.get(1).contactRef() + "']"));
        new Select(page.browser().findElement(By.cssSelector(".filters select"))).selectByValue("high_temperature");
        page.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.flagged-resident"), 1));
        assertThat(page.text(By.id("flagged"))).contains("Kim Minji").contains("+821010000001").contains("high_temperature");
        page.click(By.cssSelector("tr.flagged-resident button.show-answers"));
        page.waitForText(By.id("resident-title"), "Answers of Kim Minji");
        assertThat(page.text(By.cssSelector("#resident tr[data-question='fever']")))
                .contains("yes").contains("voice, read back and confirmed by the resident, accepted at 91 % confidence")
                .contains("열이 나요");
        assertThat(page.text(By.cssSelector("#resident tr[data-question='temperature']")))
                .contains("38.2 °C").contains("keypad, accepted at 100 % confidence, asked 3 times");
        assertThat(play("#resident audio[data-question=fever]")).isEqualTo("playing");
        page.screenshot(SCREENSHOTS.resolve("follow-up.png"));
        String csv = (String) page.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(document.getElementById('flagged-export').href).then(r => r.text()).then(done, e => done(String(e)));");
        assertThat(csv).contains("Kim Minji,+821010000001,ko,high_temperature").doesNotContain("Park Jiho");
        page.click(By.cssSelector("tr.flagged-resident button.followed-up"));
        page.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.flagged-resident"), 0));

        // The audit log shows what the official did.
        page.click(By.id("tab-audit"));
        page.waitFor(By.cssSelector("#audit tr.audit-entry[data-action='RESIDENT_FOLLOWED_UP']"));
        List<AuditAction> rendered = PromptRenderer.unavailableBecause().isEmpty()
                ? List.of(AuditAction.PROMPTS_RENDERED) : List.of();
        List<AuditAction> actions = new java.util.ArrayList<>(List.of(AuditAction.RESIDENT_FOLLOWED_UP,
                AuditAction.FLAGGED_EXPORTED, AuditAction.RECORDING_PLAYED));
        actions.addAll(rendered);
        actions.addAll(List.of(AuditAction.PROMPT_UPLOADED, AuditAction.CAMPAIGN_STARTED, AuditAction.CAMPAIGN_CREATED));
        assertThat(audit.list(id, 0, 20)).extracting(AuditEvent::action).containsExactlyElementsOf(actions);
        assertThat(page.text(By.id("audit"))).contains("listened to a recording").contains("official")
                .contains(kim.contactRef());

        // The same page in Korean.
        new Select(page.browser().findElement(By.id("language"))).selectByValue("ko");
        page.waitForText(By.id("tab-followup"), "후속 조치");
        assertThat(page.text(By.id("detail-state"))).isEqualTo("진행 중");
        assertThat(page.browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ko");
        page.screenshot(SCREENSHOTS.resolve("audit-ko.png"));
        new Select(page.browser().findElement(By.id("language"))).selectByValue("en");
        assertThat(page.unlabelledControls()).isEmpty();
    }

    @Test
    void analystSeesNoneOfTheOfficialsControlsOrPersonalData() throws Exception {
        String id = Rosters.imported(campaigns, ROSTER).id();
        campaigns.start(id);
        DialRequest kim = callsOf(id).getFirst();
        new Calls(handler, clock).answered(kim, List.of(
                new AnsweredQuestion("fever", "열이 나요", true, 0.91, Decision.ACCEPT, AnswerSource.VOICE, 1,
                        Calls.recording(properties.followUp().recordingsDir(), kim, "fever"))), List.of("high_temperature"));

        page.signIn("analyst", "analyst-secret");
        page.waitFor(By.cssSelector("tr.campaign[data-id='" + id + "']"));
        assertThat(page.displayed(By.id("new-campaign"))).isFalse();
        page.click(By.cssSelector("tr.campaign[data-id='" + id + "'] a"));
        page.waitForText(By.id("detail-state"), "running");
        assertThat(page.browser().findElements(By.cssSelector(".actions button"))).noneMatch(WebElement::isDisplayed);
        assertThat(page.displayed(By.id("tab-audit"))).isFalse();

        page.click(By.id("tab-followup"));
        page.waitForText(By.id("flagged"), kim.contactRef());
        assertThat(page.displayed(By.id("flagged-export"))).isFalse();
        assertThat(page.browser().findElements(By.cssSelector("button.followed-up"))).isEmpty();
        page.click(By.cssSelector("tr.flagged-resident button.show-answers"));
        page.waitForText(By.id("resident-title"), "Answers of " + kim.contactRef());
        assertThat(page.text(By.cssSelector("#resident tr[data-question='fever']"))).contains("voice");
        assertThat(page.browser().findElements(By.cssSelector("#resident audio"))).isEmpty();
        page.click(By.id("tab-questionnaire"));
        page.waitFor(By.cssSelector("#panel-questionnaire li[data-question='fever']"));
        assertThat(page.browser().findElements(By.cssSelector("#panel-questionnaire input[type=file]"))).isEmpty();
        page.waitForText(By.cssSelector("#prompts-missing p"), "prompts have no recording yet");
        assertThat(page.browser().findElements(By.id("prompts-render"))).isEmpty();
        assertThat(page.text(By.cssSelector("#panel-questionnaire li[data-prompt='intro']"))).contains("no recording yet");
        assertThat(page.browser().getPageSource()).doesNotContain(IDENTIFYING);

        // Hiding is the page's courtesy; refusing is the server's rule.
        Object refused = page.asyncScript("const done = arguments[arguments.length - 1];"
                + " Promise.all([fetch('/api/campaigns/" + id + "/flagged.csv'), fetch('/api/campaigns/" + id
                + "/residents/" + kim.contactRef() + "/recordings/" + kim.attemptId() + "/fever'), fetch('/api/audit')])"
                + ".then(rs => done(rs.map(r => r.status).join(',')));");
        assertThat(refused).isEqualTo("403,403,403");
        page.browser().get("http://localhost:" + port + "/#new");
        page.waitFor(By.cssSelector("tr.campaign[data-id='" + id + "']"));
        assertThat(page.displayed(By.id("wizard"))).isFalse();
    }

    @Test
    void theSignInPageSpeaksKoreanToo() throws Exception {
        page.browser().get("http://localhost:" + port + "/");
        page.waitFor(By.id("username"));
        new Select(page.browser().findElement(By.id("language"))).selectByValue("ko");
        page.waitForText(By.cssSelector("label[for=username]"), "사용자 이름");
        page.type(By.id("username"), "official");
        page.type(By.id("password"), "wrong");
        page.click(By.cssSelector("button[type=submit]"));
        page.waitForText(By.id("sign-in-error"), "사용자 이름이나 비밀번호가 맞지 않습니다.");
        page.screenshot(SCREENSHOTS.resolve("sign-in-ko.png"));
        assertThat(page.unlabelledControls()).isEmpty();

        page.type(By.id("username"), "official");
        page.type(By.id("password"), "official-secret");
        page.click(By.cssSelector("button[type=submit]"));
        page.waitForText(By.id("signed-in"), "official 님 로그인 (담당 공무원)");
        assertThat(page.text(By.id("new-campaign"))).isEqualTo("새 캠페인");
        new Select(page.browser().findElement(By.id("language"))).selectByValue("en");
    }

    private List<DialRequest> callsOf(String campaignId) {
        scheduler.tick();
        return dialer.drain().stream().filter(call -> call.campaignId().equals(campaignId)).toList();
    }

    /** Starts the audio element playing (muted, as a page may without a user's gesture); says how that went. */
    private Object play(String audio) {
        return page.asyncScript("const done = arguments[arguments.length - 1];"
                + " const audio = document.querySelector(arguments[0]); audio.muted = true;"
                + " audio.addEventListener('playing', () => done('playing'));"
                + " audio.addEventListener('error', () => done('error ' + audio.error.code));"
                + " audio.play().catch(e => done('refused ' + e.message));", audio);
    }

    private String write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private String write(String name, byte[] content) throws IOException {
        Path file = files.resolve(name);
        Files.write(file, content);
        return file.toAbsolutePath().toString();
    }
}
