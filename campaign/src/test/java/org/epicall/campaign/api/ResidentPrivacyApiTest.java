package org.epicall.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.ImportStatus;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.RecordingDialRequests;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestCampaigns;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Officials see the residents they call back; analysts see them only by the pseudonymous contact
 * reference, in every response the API and the dashboard's event stream give them.
 */
@CampaignTest
class ResidentPrivacyApiTest {

    private static final RequestPostProcessor OFFICIAL = ApiClients.OFFICIAL;
    private static final RequestPostProcessor ANALYST = ApiClients.ANALYST;

    /** Line 2 is flagged; 3 has an invalid number, 4 repeats line 2, 5 names an unknown time zone. */
    private static final String ROSTER = """
            phone,name,timezone
            010-1000-0001,Kim Minji,
            010-12,Lee Seojun,
            010 1000 0001,Kim Minji,
            010-1000-0002,Park Jiho,Mars/Olympus
            010-1000-0003,Choi Yuna,
            """;
    /** Everything of the roster that identifies a resident, in each form the service may write it. */
    private static final List<String> IDENTIFYING = List.of("+821010000001", "1010000001", "010-1000-0001",
            "010 1000 0001", "010-12", "+821010000002", "+821010000003", "Kim Minji", "Lee Seojun", "Park Jiho",
            "Choi Yuna");

    @Autowired MockMvc mvc;
    @Autowired Campaigns campaigns;
    @Autowired CampaignRepository repository;
    @Autowired DialScheduler scheduler;
    @Autowired RecordingDialRequests dialer;
    @Autowired AttemptResultHandler handler;
    @Autowired MutableClock clock;
    @Autowired org.epicall.campaign.roster.ContactReferences references;

    private String id;
    private DialRequest flaggedCall;

    @BeforeEach
    void campaignWithAFlaggedResidentAndRejects() {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        dialer.drain();
        id = Rosters.imported(campaigns, ROSTER).id();
        campaigns.start(id);
        scheduler.tick();
        List<DialRequest> calls = dialer.drain();
        flaggedCall = calls.stream().filter(c -> c.contactRef().equals(references.of(id, 2))).findFirst().orElseThrow();
        for (DialRequest call : calls) {
            answer(call, call == flaggedCall ? List.of("fever-and-cough") : List.of());
        }
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/progress",
            "/api/campaigns/{id}/results", "/api/campaigns/{id}/flagged", "/api/campaigns/{id}/rejects",
            "/api/campaigns/{id}/answers"})
    void analystResponsesCarryNoResidentNumberOrName(String endpoint) throws Exception {
        String body = mvc.perform(get(endpoint.replace("{id}", id)).with(ANALYST))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).doesNotContain(IDENTIFYING);
    }

    @Test
    void analystProgressStreamCarriesNoResidentNumberOrName() throws Exception {
        MvcResult stream = mvc.perform(get("/api/campaigns/stream").with(ANALYST))
                .andExpect(request().asyncStarted()).andReturn();
        String events = stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
        stream.getRequest().getAsyncContext().complete();

        assertThat(events).contains("\"id\":\"" + id + "\"").doesNotContain(IDENTIFYING);
    }

    @Test
    void analystSeesFlaggedResidentsByTheReferenceTheirResultsCarry() throws Exception {
        mvc.perform(get("/api/campaigns/" + id + "/flagged").with(ANALYST))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].contactRef").value(flaggedCall.contactRef()))
                .andExpect(jsonPath("$[0].triageFlags[0]").value("fever-and-cough"))
                .andExpect(jsonPath("$[0].name").doesNotExist())
                .andExpect(jsonPath("$[0].phone").doesNotExist());
        mvc.perform(get("/api/campaigns/" + id + "/results").with(ANALYST))
                .andExpect(jsonPath("$[?(@.contactRef == '" + flaggedCall.contactRef() + "')].triageFlags[0]")
                        .value("fever-and-cough"));
    }

    @Test
    void officialSeesNameAndNumberOfFlaggedResidentsToCallThemBack() throws Exception {
        mvc.perform(get("/api/campaigns/" + id + "/flagged").with(OFFICIAL))
                .andExpect(jsonPath("$[0].contactRef").value(flaggedCall.contactRef()))
                .andExpect(jsonPath("$[0].name").value("Kim Minji"))
                .andExpect(jsonPath("$[0].phone").value("+821010000001"));
    }

    @Test
    void analystSeesRejectLinesAndReasonsWithTheRowsValuesHidden() throws Exception {
        mvc.perform(get("/api/campaigns/" + id + "/rejects").with(ANALYST))
                .andExpect(jsonPath("$[0].lineNumber").value(3))
                .andExpect(jsonPath("$[0].reason").value("phone [hidden] is not a valid KR number"))
                .andExpect(jsonPath("$[1].lineNumber").value(4))
                .andExpect(jsonPath("$[1].reason").value("phone [hidden] duplicates line 2"))
                .andExpect(jsonPath("$[2].lineNumber").value(5))
                .andExpect(jsonPath("$[2].reason", containsString("timezone [hidden] is not an IANA time zone")));
    }

    @Test
    void officialSeesRejectReasonsWithTheRowsValues() throws Exception {
        mvc.perform(get("/api/campaigns/" + id + "/rejects").with(OFFICIAL))
                .andExpect(jsonPath("$[0].reason").value("phone '010-12' is not a valid KR number"))
                .andExpect(jsonPath("$[1].reason").value("phone +821010000001 duplicates line 2"));
    }

    @Test
    void analystSeesWhyAnImportFailedWithoutTheRowsNumber() throws Exception {
        String failed = TestCampaigns.draft(repository, clock.instant());
        repository.updateImport(failed, ImportStatus.FAILED,
                "line 7: phone +821010000001 duplicates line 2", clock.instant());

        mvc.perform(get("/api/campaigns/" + failed).with(ANALYST))
                .andExpect(jsonPath("$.importDetail").value("line 7: phone [hidden] duplicates line 2"));
        mvc.perform(get("/api/campaigns/" + failed).with(OFFICIAL))
                .andExpect(jsonPath("$.importDetail").value("line 7: phone +821010000001 duplicates line 2"));
    }

    @Test
    void openApiTellsWhatEachRoleSeesOfResidents() throws Exception {
        mvc.perform(get("/v3/api-docs").with(ANALYST))
                .andExpect(jsonPath("$.paths['/api/campaigns/{id}/flagged'].get.description",
                        containsString("ANALYST gets neither")))
                .andExpect(jsonPath("$.paths['/api/campaigns/{id}/rejects'].get.description",
                        containsString("ANALYST gets the line numbers")))
                .andExpect(jsonPath("$.paths['/api/campaigns/{id}/flagged'].get.parameters[?(@.name == 'caller')]")
                        .isEmpty());
    }

    private void answer(DialRequest call, List<String> flags) {
        Instant now = clock.instant();
        handler.surveyFinished(new SurveyResponse(call.attemptId(), call.campaignId(), call.contactRef(),
                call.questionnaireId(), "ko", SurveyStatus.COMPLETE, null, now, now, List.of(
                new AnsweredQuestion("fever", "네", !flags.isEmpty(), 0.93, Decision.ACCEPT, AnswerSource.VOICE, 1,
                        null)), flags));
        handler.attemptFinished(new AttemptResult(call.attemptId(), call.campaignId(), call.contactRef(),
                CallOutcome.ANSWERED, 16, "pbx-1", now, now, now, ""));
    }
}
