package org.epicall.campaign.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditEvent;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Calls;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.RecordingDialRequests;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Officials' follow-up of flagged residents: the list by flag, each resident's answers and how they were
 * given, the recordings of spoken answers and the export, with what is personal kept from analysts and
 * what officials do kept in the audit log.
 */
@CampaignTest
class FollowUpApiTest {

    private static final RequestPostProcessor OFFICIAL = ApiClients.OFFICIAL;
    private static final RequestPostProcessor ANALYST = ApiClients.ANALYST;
    /** Line 2 has a fever (by voice, recorded) and 38.2 °C (keypad); line 3 was in contact; line 4 is well. */
    private static final String ROSTER = "phone,name\n010-1000-0001,Kim Minji\n010-1000-0002,=HYPERLINK(\"x\")\n"
            + "010-1000-0003,Park Jiho\n";

    @Autowired MockMvc mvc;
    @Autowired Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired RecordingDialRequests dialer;
    @Autowired AttemptResultHandler handler;
    @Autowired MutableClock clock;
    @Autowired AuditLog audit;
    @Autowired CampaignProperties properties;

    private String id;
    private DialRequest feverish;
    private DialRequest contact;

    @BeforeEach
    void campaignWithTwoFlaggedResidents() {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        dialer.drain();
        id = Rosters.imported(campaigns, ROSTER).id();
        campaigns.start(id);
        scheduler.tick();
        List<DialRequest> calls = dialer.drain();
        feverish = calls.get(0);
        contact = calls.get(1);
        Calls reports = new Calls(handler, clock);
        String recording = Calls.recording(properties.followUp().recordingsDir(), feverish, "fever");
        reports.answered(feverish, List.of(
                new AnsweredQuestion("fever", "열이 나요", true, 0.91, Decision.ACCEPT, AnswerSource.VOICE, 1, recording,
                        true),
                new AnsweredQuestion("temperature", "", new BigDecimal("38.2"), 1.0, Decision.ACCEPT,
                        AnswerSource.KEYPAD, 3, null),
                new AnsweredQuestion("symptoms-any", "없어요", true, 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, 3, null),
                new AnsweredQuestion("onset", "모르겠어요", null, 0.9, Decision.UNANSWERED, AnswerSource.NONE, 1,
                        null, false, true)), List.of("high_temperature"));
        clock.advance(java.time.Duration.ofMinutes(1));
        reports.answered(contact, List.of(
                new AnsweredQuestion("contact", "네", true, 0.8, Decision.ACCEPT, AnswerSource.VOICE, 2,
                        "/elsewhere/../../etc/passwd")), List.of("confirmed_contact"));
        reports.answered(calls.get(2), List.of(
                new AnsweredQuestion("fever", "아니요", false, 0.9, Decision.ACCEPT, AnswerSource.VOICE, 1, null)),
                List.of());
    }

    @Test
    void theFlaggedListFiltersByTriageFlagAndByWhetherTheResidentWasCalledBack() throws Exception {
        mvc.perform(get("/api/campaigns/" + id + "/flagged").with(OFFICIAL))
                .andExpect(jsonPath("$[*].contactRef").value(contains(contact.contactRef(), feverish.contactRef())));
        mvc.perform(get("/api/campaigns/" + id + "/flagged").param("flag", "high_temperature").with(OFFICIAL))
                .andExpect(jsonPath("$[*].contactRef").value(contains(feverish.contactRef())))
                .andExpect(jsonPath("$[0].name").value("Kim Minji"));
        mvc.perform(get("/api/campaigns/" + id + "/flagged").param("flag", "high").with(OFFICIAL))
                .andExpect(jsonPath("$.length()").value(0));

        mvc.perform(post("/api/campaigns/" + id + "/flagged/" + feverish.contactRef() + "/followed-up").with(OFFICIAL))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/campaigns/" + id + "/flagged").with(OFFICIAL))
                .andExpect(jsonPath("$[*].contactRef").value(contains(contact.contactRef())));
        mvc.perform(get("/api/campaigns/" + id + "/flagged").param("status", "followed-up").with(OFFICIAL))
                .andExpect(jsonPath("$[*].contactRef").value(contains(feverish.contactRef())))
                .andExpect(jsonPath("$[0].followedUpAt").value("2026-03-09T01:01:00Z"));
        mvc.perform(get("/api/campaigns/" + id + "/flagged").param("status", "all").with(OFFICIAL))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/campaigns/" + id + "/flagged").param("status", "done").with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
    }

    @Test
    void anOfficialSeesEachAnswerHowItWasGivenAndWhichCanBePlayed() throws Exception {
        mvc.perform(get("/api/campaigns/" + id + "/residents/" + feverish.contactRef()).with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Kim Minji"))
                .andExpect(jsonPath("$.phone").value("+821010000001"))
                .andExpect(jsonPath("$.surveys[0].triageFlags[0]").value("high_temperature"))
                .andExpect(jsonPath("$.surveys[0].answers[0].questionId").value("fever"))
                .andExpect(jsonPath("$.surveys[0].answers[0].value").value(true))
                .andExpect(jsonPath("$.surveys[0].answers[0].source").value("VOICE"))
                .andExpect(jsonPath("$.surveys[0].answers[0].transcript").value("열이 나요"))
                .andExpect(jsonPath("$.surveys[0].answers[0].confirmed").value(true))
                .andExpect(jsonPath("$.surveys[0].answers[1].confirmed").value(false))
                .andExpect(jsonPath("$.surveys[0].answers[0].recording").value(true))
                .andExpect(jsonPath("$.surveys[0].answers[1].source").value("KEYPAD"))
                .andExpect(jsonPath("$.surveys[0].answers[1].asks").value(3))
                .andExpect(jsonPath("$.surveys[0].answers[1].value").value(38.2))
                .andExpect(jsonPath("$.surveys[0].answers[1].recording").value(false));
    }

    @Test
    void aVoiceTranscriptBesideAKeypadAnswerIsMarkedAsNotCounted() throws Exception {
        mvc.perform(get("/api/campaigns/" + id + "/residents/" + feverish.contactRef()).with(ANALYST))
                .andExpect(jsonPath("$.surveys[0].answers[2].questionId").value("symptoms-any"))
                .andExpect(jsonPath("$.surveys[0].answers[2].value").value(true))
                .andExpect(jsonPath("$.surveys[0].answers[2].source").value("KEYPAD"))
                .andExpect(jsonPath("$.surveys[0].answers[2].transcript").value(""))
                .andExpect(jsonPath("$.surveys[0].answers[2].transcriptNotCounted").value("없어요"))
                .andExpect(jsonPath("$.surveys[0].answers[0].transcript").value("열이 나요"))
                .andExpect(jsonPath("$.surveys[0].answers[0].transcriptNotCounted").value(""))
                .andExpect(jsonPath("$.surveys[0].answers[3].transcript").value("모르겠어요"))
                .andExpect(jsonPath("$.surveys[0].answers[3].transcriptNotCounted").value(""));
    }

    @Test
    void anAnalystSeesTheAnswersByContactReferenceOnlyAndNoRecordings() throws Exception {
        String body = mvc.perform(get("/api/campaigns/" + id + "/residents/" + feverish.contactRef()).with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").doesNotExist())
                .andExpect(jsonPath("$.phone").doesNotExist())
                .andExpect(jsonPath("$.surveys[0].answers[0].recording").doesNotExist())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).doesNotContain("Kim Minji", "1010000001", ".wav");
        mvc.perform(get(recordingUrl(feverish, "fever")).with(ANALYST)).andExpect(status().isForbidden());
        mvc.perform(get("/api/campaigns/" + id + "/flagged.csv").with(ANALYST)).andExpect(status().isForbidden());
    }

    @Test
    void anOfficialListensToARecordingAndTheListenIsAuditedOnce() throws Exception {
        byte[] wav = mvc.perform(get(recordingUrl(feverish, "fever")).with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "audio/wav"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        mvc.perform(get(recordingUrl(feverish, "fever")).header("Range", "bytes=100-").with(OFFICIAL))
                .andExpect(status().isPartialContent());

        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(audit.list(id, 0, 10)).filteredOn(e -> e.action() == AuditAction.RECORDING_PLAYED)
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("official");
                    assertThat(e.subject()).isEqualTo(feverish.contactRef());
                    assertThat(e.detail()).isEqualTo("question fever, attempt " + feverish.attemptId());
                });
    }

    @Test
    void thereIsNothingToPlayForAKeypadAnswerOrAPathOutsideTheRecordings() throws Exception {
        mvc.perform(get(recordingUrl(feverish, "temperature")).with(OFFICIAL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("keypad")));
        mvc.perform(get(recordingUrl(contact, "contact")).with(OFFICIAL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("recordings-dir")));
        assertThat(audit.list(id, 0, 10)).extracting(AuditEvent::action).doesNotContain(AuditAction.RECORDING_PLAYED);
    }

    @Test
    void theExportListsWhoToCallBackWithTheirAnswersAndIsAudited() throws Exception {
        String csv = mvc.perform(get("/api/campaigns/" + id + "/flagged.csv").param("zone", "Asia/Seoul")
                        .with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("flagged-" + id + ".csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFFcontact_ref,name,phone,language,triage_flags,surveyed_at,"
                + "followed_up_at,consent,travel,travel_country,contact,fever,temperature,symptoms,followup_call");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(contact.contactRef() + ",\"'=HYPERLINK(\"\"x\"\")\",+821010000002,ko,"
                + "confirmed_contact,2026-03-09T10:01:00+09:00,,,,,yes,,,,");
        assertThat(lines.get(2)).isEqualTo(feverish.contactRef() + ",Kim Minji,+821010000001,ko,high_temperature,"
                + "2026-03-09T10:00:00+09:00,,,,,,yes,38.2,,");
        assertThat(audit.list(id, 0, 1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.FLAGGED_EXPORTED);
            assertThat(e.detail()).isEqualTo("2 residents, awaiting");
        });
    }

    @Test
    void aResidentTheCampaignDoesNotHaveIsNotFound() throws Exception {
        mvc.perform(get("/api/campaigns/" + id + "/residents/nobody").with(OFFICIAL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/resident-not-found"));
        mvc.perform(get("/api/campaigns/cmp-nope/flagged.csv").with(OFFICIAL))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    private String recordingUrl(DialRequest call, String questionId) {
        return "/api/campaigns/" + id + "/residents/" + call.contactRef() + "/recordings/" + call.attemptId() + "/"
                + questionId;
    }
}
