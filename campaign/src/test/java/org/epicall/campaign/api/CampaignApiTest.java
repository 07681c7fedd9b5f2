package org.epicall.campaign.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.RecordingDialRequests;
import org.epicall.campaign.testsupport.Rosters;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CampaignTest
class CampaignApiTest {

    private static final RequestPostProcessor OFFICIAL = ApiClients.OFFICIAL;
    private static final RequestPostProcessor ANALYST = ApiClients.ANALYST;

    @Autowired MockMvc mvc;
    @Autowired org.epicall.campaign.Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired RecordingDialRequests dialer;
    @Autowired AttemptResultHandler handler;
    @Autowired MutableClock clock;

    @BeforeEach
    void mondayMorningInSeoul() {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        dialer.drain();
    }

    @Test
    void refusesAnonymousRequestsWithAProblemDetail() throws Exception {
        mvc.perform(get("/api/campaigns"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/unauthenticated"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void pagesForbidForeignScriptsFramingAndReferrers() throws Exception {
        mvc.perform(get("/index.html").with(user("official").roles("OFFICIAL")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        mvc.perform(get("/api/campaigns").with(ANALYST))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void anonymousWritesAreAskedToSignInNotToldTheirRoleMayNot() throws Exception {
        mvc.perform(post("/api/campaigns/cmp-any/cancel"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/unauthenticated"));
    }

    @Test
    void aSignedInSessionMayNotWriteWithoutTheCsrfToken() throws Exception {
        String id = createdCampaign("phone\n010-1000-0001\n");
        mvc.perform(post("/api/campaigns/" + id + "/start").with(user("official").roles("OFFICIAL", "ANALYST")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/csrf"));
        mvc.perform(post("/api/campaigns/" + id + "/start").with(user("official").roles("OFFICIAL", "ANALYST"))
                        .with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void refusesUnknownApiTokens() throws Exception {
        mvc.perform(get("/api/campaigns").with(ApiClients.token("guess"))).andExpect(status().isUnauthorized());
    }

    @Test
    void analystReadsButCannotCreateOrStartCampaigns() throws Exception {
        String id = createdCampaign("phone\n010-1000-0001\n");

        mvc.perform(get("/api/campaigns/" + id).with(ANALYST)).andExpect(status().isOk());
        mvc.perform(create("phone\n010-1000-0001\n", Rosters.QUESTIONNAIRE).with(ANALYST))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("OFFICIAL")));
        mvc.perform(post("/api/campaigns/" + id + "/start").with(ANALYST)).andExpect(status().isForbidden());
    }

    @Test
    void officialCreatesACampaignAndReadsItsRejects() throws Exception {
        mvc.perform(create("phone,name\n010-1000-0001,Kim\n010-12,Lee\n", Rosters.QUESTIONNAIRE).with(OFFICIAL))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/campaigns/cmp-")))
                .andExpect(jsonPath("$.state").value("draft"))
                .andExpect(jsonPath("$.importStatus").value("completed"))
                .andExpect(jsonPath("$.progress.contacts").value(1))
                .andDo(result -> {
                    String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
                    mvc.perform(get("/api/campaigns/" + id + "/rejects").with(OFFICIAL))
                            .andExpect(jsonPath("$[0].lineNumber").value(3))
                            .andExpect(jsonPath("$[0].reason").value("phone '010-12' is not a valid KR number"));
                });
    }

    @Test
    void rosterWithoutAPhoneColumnIsRefusedNamingFileLineAndField() throws Exception {
        mvc.perform(create("name,timezone\nKim,Asia/Seoul\n", Rosters.QUESTIONNAIRE).with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/roster-format"))
                .andExpect(jsonPath("$.file").value("residents.csv"))
                .andExpect(jsonPath("$.line").value(1))
                .andExpect(jsonPath("$.field").value("phone"))
                .andExpect(jsonPath("$.detail", containsString("residents.csv: line 1: no phone column")));
    }

    @Test
    void invalidQuestionnaireIsRefusedNamingFileAndProblem() throws Exception {
        mvc.perform(create("phone\n010-1000-0001\n", "id: covid\nquestions: [\n").with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/questionnaire-invalid"))
                .andExpect(jsonPath("$.file").value("covid.yaml"))
                .andExpect(jsonPath("$.problems[0].line").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(create("phone\n010-1000-0001\n", "id: covid\nlanguages: [ko]\n").with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].path", hasItem("questions")));
    }

    @Test
    void missingRosterPartIsAProblemDetail() throws Exception {
        mvc.perform(multipart("/api/campaigns")
                        .file(new MockMultipartFile("questionnaire", "covid.yaml", "application/yaml",
                                Rosters.QUESTIONNAIRE.getBytes(StandardCharsets.UTF_8)))
                        .param("name", "x").with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("roster")));
    }

    @Test
    void lifecycleCommandsFollowTheAllowedTransitions() throws Exception {
        String id = createdCampaign("phone\n010-1000-0001\n");

        mvc.perform(post("/api/campaigns/" + id + "/resume").with(OFFICIAL))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/illegal-transition"))
                .andExpect(jsonPath("$.state").value("draft"))
                .andExpect(jsonPath("$.requested").value("running"));
        mvc.perform(post("/api/campaigns/" + id + "/start").with(OFFICIAL)).andExpect(jsonPath("$.state").value("running"));
        mvc.perform(post("/api/campaigns/" + id + "/pause").with(OFFICIAL)).andExpect(jsonPath("$.state").value("paused"));
        mvc.perform(post("/api/campaigns/" + id + "/resume").with(OFFICIAL)).andExpect(jsonPath("$.state").value("running"));
        mvc.perform(post("/api/campaigns/" + id + "/cancel").with(OFFICIAL)).andExpect(jsonPath("$.state").value("cancelled"));
        mvc.perform(post("/api/campaigns/" + id + "/start").with(OFFICIAL)).andExpect(status().isConflict());
    }

    @Test
    void unknownCampaignIsNotFound() throws Exception {
        mvc.perform(get("/api/campaigns/cmp-nope/progress").with(ANALYST))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no campaign with id 'cmp-nope'"));
    }

    @Test
    void progressResultsFlaggedAndAnswerDistributionFollowTheCalls() throws Exception {
        String id = createdCampaign("phone\n010-1000-0001\n010-1000-0002\n010-1000-0003\n");
        mvc.perform(post("/api/campaigns/" + id + "/start").with(OFFICIAL)).andExpect(status().isOk());
        scheduler.tick();
        List<DialRequest> calls = dialer.drain();
        answer(calls.get(0), true, List.of("fever-and-cough"));
        answer(calls.get(1), false, List.of());
        busy(calls.get(2));

        mvc.perform(get("/api/campaigns/" + id + "/progress").with(ANALYST))
                .andExpect(jsonPath("$.dialed").value(3))
                .andExpect(jsonPath("$.answered").value(2))
                .andExpect(jsonPath("$.completed").value(2))
                .andExpect(jsonPath("$.retrying").value(1))
                .andExpect(jsonPath("$.flagged").value(1));
        mvc.perform(get("/api/campaigns/" + id + "/results").with(ANALYST))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/campaigns/" + id + "/flagged").with(ANALYST))
                .andExpect(jsonPath("$[0].contactRef").value(calls.get(0).contactRef()))
                .andExpect(jsonPath("$[0].triageFlags[0]").value("fever-and-cough"));
        mvc.perform(get("/api/campaigns/" + id + "/answers").with(ANALYST))
                .andExpect(jsonPath("$.fever.yes").value(1))
                .andExpect(jsonPath("$.fever.no").value(1))
                .andExpect(jsonPath("$.temperature['38.5']").value(1));
        mvc.perform(post("/api/campaigns/" + id + "/flagged/" + calls.get(0).contactRef() + "/followed-up").with(OFFICIAL))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/campaigns/" + id + "/flagged").with(ANALYST)).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void openApiDescribesTheCampaignEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/campaigns'].post").exists())
                .andExpect(jsonPath("$.paths['/api/campaigns/{id}/start'].post").exists())
                .andExpect(jsonPath("$.paths['/api/campaigns/{id}/rejects'].get").exists())
                .andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"));
    }

    @Test
    void doNotCallListIsForOfficialsAndRefusesBadNumbers() throws Exception {
        mvc.perform(post("/api/do-not-call").with(OFFICIAL).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"010-5555-0000\",\"reason\":\"asked\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/do-not-call").with(OFFICIAL).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"12\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("phone"));
        mvc.perform(get("/api/do-not-call").with(ANALYST)).andExpect(status().isForbidden());
        mvc.perform(get("/api/do-not-call").with(OFFICIAL)).andExpect(jsonPath("$", hasItem("+821055550000")));
    }

    private String createdCampaign(String csv) throws Exception {
        String body = mvc.perform(create(csv, Rosters.QUESTIONNAIRE).with(OFFICIAL))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static MockMultipartHttpServletRequestBuilder create(String csv, String questionnaire) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/campaigns")
                .file(new MockMultipartFile("roster", "residents.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("questionnaire", "covid.yaml", "application/yaml",
                        questionnaire.getBytes(StandardCharsets.UTF_8)))
                .param("name", "March check-in")
                .param("wait", "true");
    }

    private void answer(DialRequest call, boolean fever, List<String> flags) {
        Instant now = clock.instant();
        handler.surveyFinished(new SurveyResponse(call.attemptId(), call.campaignId(), call.contactRef(),
                call.questionnaireId(), "ko", SurveyStatus.COMPLETE, null, now, now, List.of(
                new AnsweredQuestion("fever", "네", fever, 0.93, Decision.ACCEPT, AnswerSource.VOICE, 1, null),
                new AnsweredQuestion("temperature", "", fever ? new BigDecimal("38.50") : null, 1.0,
                        fever ? Decision.ACCEPT : Decision.UNANSWERED, AnswerSource.KEYPAD, 1, null)), flags));
        handler.attemptFinished(new AttemptResult(call.attemptId(), call.campaignId(), call.contactRef(),
                CallOutcome.ANSWERED, 16, "pbx-1", now, now, now, ""));
    }

    private void busy(DialRequest call) {
        Instant now = clock.instant();
        handler.attemptFinished(new AttemptResult(call.attemptId(), call.campaignId(), call.contactRef(),
                CallOutcome.BUSY, 17, "pbx-1", now, null, now, ""));
    }
}
