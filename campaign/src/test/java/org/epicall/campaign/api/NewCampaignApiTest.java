package org.epicall.campaign.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Rosters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the dashboard's "new campaign" form asks of the API: a roster checked before it is used, the
 * questionnaires to choose from (or one uploaded and checked), and the campaign created from them.
 */
@CampaignTest
class NewCampaignApiTest {

    private static final RequestPostProcessor OFFICIAL = ApiClients.OFFICIAL;
    private static final RequestPostProcessor ANALYST = ApiClients.ANALYST;
    private static final String ROSTER = "phone,name\n010-1000-0001,Kim Minji\n010-12,Lee Seojun\n010-1000-0001,Kim\n";

    @Autowired MockMvc mvc;

    @Test
    void rosterPreviewShowsTheRowsAndTheRejectsWithoutCreatingAnything() throws Exception {
        mvc.perform(multipart("/api/rosters/preview").file(roster(ROSTER)).with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[0]").value("phone"))
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.valid").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.firstRows[0].cells.name").value("Kim Minji"))
                .andExpect(jsonPath("$.firstRows[0].phone").value("+821010000001"))
                .andExpect(jsonPath("$.rejects[0].lineNumber").value(3))
                .andExpect(jsonPath("$.rejects[0].reason").value("phone '010-12' is not a valid KR number"))
                .andExpect(jsonPath("$.rejects[1].reason").value("phone +821010000001 duplicates line 2"));
    }

    @Test
    void rosterPreviewIsForOfficialsOnly() throws Exception {
        mvc.perform(multipart("/api/rosters/preview").file(roster(ROSTER)).with(ANALYST))
                .andExpect(status().isForbidden());
    }

    @Test
    void rosterPreviewOfAFileThatIsNoRosterNamesFileLineAndField() throws Exception {
        mvc.perform(multipart("/api/rosters/preview").file(roster("name\nKim\n")).with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.file").value("residents.csv"))
                .andExpect(jsonPath("$.line").value(1))
                .andExpect(jsonPath("$.field").value("phone"));
    }

    @Test
    void theShippedQuestionnaireIsKnown() throws Exception {
        mvc.perform(get("/api/questionnaires").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ref").value("shipped:covid-checkin"))
                .andExpect(jsonPath("$[0].id").value("covid-checkin"))
                .andExpect(jsonPath("$[0].languages[1]").value("en"))
                .andExpect(jsonPath("$[0].questions").value(8))
                .andExpect(jsonPath("$[0].source").value("shipped"));
    }

    @Test
    void aQuestionnaireReadsInAskingOrderWithFollowUpConditionsAndTriageRules() throws Exception {
        mvc.perform(get("/api/questionnaires/shipped:covid-checkin").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questions[*].id").value(org.hamcrest.Matchers.contains("consent", "travel",
                        "travel_country", "contact", "fever", "temperature", "symptoms", "followup_call")))
                .andExpect(jsonPath("$.questions[0].consent").value(true))
                .andExpect(jsonPath("$.questions[2].depth").value(1))
                .andExpect(jsonPath("$.questions[2].followsUp").value("travel"))
                .andExpect(jsonPath("$.questions[2].askedWhen.question").value("travel"))
                .andExpect(jsonPath("$.questions[2].askedWhen.op").value("equals"))
                .andExpect(jsonPath("$.questions[2].askedWhen.value").value(true))
                .andExpect(jsonPath("$.questions[5].number.unit").value("°C"))
                .andExpect(jsonPath("$.questions[5].prompts[0].promptId").value("temperature"))
                .andExpect(jsonPath("$.questions[5].prompts[1].promptId").value("temperature-reask"))
                .andExpect(jsonPath("$.questions[5].prompts[2].promptId").value("temperature-keypad"))
                .andExpect(jsonPath("$.questions[5].prompts[0].text.ko", containsString("체온")))
                .andExpect(jsonPath("$.questions[6].options[4].exclusive").value(true))
                .andExpect(jsonPath("$.triage[0].id").value("high_temperature"))
                .andExpect(jsonPath("$.triage[0].when.op").value("gte"))
                .andExpect(jsonPath("$.triage[0].when.value").value(37.5))
                .andExpect(jsonPath("$.triage[1].when.all[1].op").value("includes"))
                .andExpect(jsonPath("$.messages[0].promptId").value("intro"))
                .andExpect(jsonPath("$.readBacks[?(@.promptId == 'temperature-confirm-37.5')].text.en").exists())
                .andExpect(jsonPath("$.readBacks[?(@.promptId == 'fever-confirm-yes')].kind").value(
                        org.hamcrest.Matchers.contains("confirm")));
    }

    @Test
    void aBrokenQuestionnaireIsRefusedWithTheLoadersProblemsAtTheirLines() throws Exception {
        String broken = Rosters.QUESTIONNAIRE.replace("type: number", "type: numbr");

        mvc.perform(multipart("/api/questionnaires/check").file(questionnaire(broken)).with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.file").value("covid.yaml"))
                .andExpect(jsonPath("$.problems[0].line").value(greaterThan(100)))
                .andExpect(jsonPath("$.problems[0].message", containsString("numbr")));
        mvc.perform(multipart("/api/questionnaires/check").file(questionnaire(Rosters.QUESTIONNAIRE)).with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("covid-checkin"));
    }

    @Test
    void aCampaignRunsAKnownQuestionnaireByItsRefAndItsOwnUploadBecomesKnown() throws Exception {
        String own = Rosters.QUESTIONNAIRE.replace("id: covid-checkin", "id: covid-short");
        String ownCampaign = created(multipart("/api/campaigns").file(roster(ROSTER)).file(questionnaire(own)));
        String byRef = created(multipart("/api/campaigns").file(roster(ROSTER))
                .param("questionnaireRef", "campaign:" + ownCampaign));

        mvc.perform(get("/api/campaigns/" + byRef + "/questionnaire").with(ANALYST))
                .andExpect(jsonPath("$.id").value("covid-short"));
        mvc.perform(get("/api/questionnaires").with(ANALYST))
                .andExpect(jsonPath("$[*].ref", hasItem("campaign:" + ownCampaign)));
        created(multipart("/api/campaigns").file(roster(ROSTER)).param("questionnaireRef", "shipped:covid-checkin"));
    }

    @Test
    void aCampaignNeedsExactlyOneQuestionnaire() throws Exception {
        mvc.perform(multipart("/api/campaigns").file(roster(ROSTER)).param("name", "x").with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("questionnaire"));
        mvc.perform(multipart("/api/campaigns").file(roster(ROSTER)).param("name", "x")
                        .param("questionnaireRef", "shipped:nope").with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("questionnaireRef"));
    }

    private String created(org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request)
            throws Exception {
        String body = mvc.perform(request.param("name", "check-in").param("wait", "true").with(OFFICIAL))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static MockMultipartFile roster(String csv) {
        return new MockMultipartFile("roster", "residents.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static MockMultipartFile questionnaire(String yaml) {
        return new MockMultipartFile("questionnaire", "covid.yaml", "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8));
    }
}
