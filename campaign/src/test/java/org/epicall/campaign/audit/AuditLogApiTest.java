package org.epicall.campaign.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.Rosters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CampaignTest
class AuditLogApiTest {

    private static final RequestPostProcessor OFFICIAL = ApiClients.OFFICIAL;
    private static final RequestPostProcessor ANALYST = ApiClients.ANALYST;

    @Autowired MockMvc mvc;
    @Autowired Campaigns campaigns;
    @Autowired MutableClock clock;
    @Autowired org.epicall.campaign.roster.ContactReferences references;

    @BeforeEach
    void mondayMorningInSeoul() {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
    }

    @Test
    void recordsWhoCreatedStartedPausedAndCancelledACampaignNewestFirst() throws Exception {
        String id = created("phone,name\n010-1000-0001,Kim Minji\n");
        for (String action : new String[] {"start", "pause", "resume", "cancel"}) {
            mvc.perform(post("/api/campaigns/" + id + "/" + action).with(OFFICIAL)).andExpect(status().isOk());
        }

        mvc.perform(get("/api/audit").param("campaignId", id).with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("CAMPAIGN_CANCELLED",
                        "CAMPAIGN_RESUMED", "CAMPAIGN_PAUSED", "CAMPAIGN_STARTED", "CAMPAIGN_CREATED")))
                .andExpect(jsonPath("$[*].actor").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("official"))))
                .andExpect(jsonPath("$[4].detail").value("questionnaire covid-checkin, roster residents.csv"))
                .andExpect(jsonPath("$[0].occurredAt").value("2026-03-09T01:00:00Z"));
    }

    @Test
    void aRefusedTransitionLeavesNoEntry() throws Exception {
        String id = created("phone\n010-1000-0001\n");

        mvc.perform(post("/api/campaigns/" + id + "/pause").with(OFFICIAL)).andExpect(status().isConflict());

        mvc.perform(get("/api/audit").param("campaignId", id).with(OFFICIAL))
                .andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("CAMPAIGN_CREATED")));
    }

    @Test
    void followUpIsRecordedByContactReferenceWithoutTheResidentsNameOrNumber() throws Exception {
        String id = created("phone,name\n010-1000-0001,Kim Minji\n");

        String ref = references.of(id, 2);
        mvc.perform(post("/api/campaigns/" + id + "/flagged/" + ref + "/followed-up").with(OFFICIAL))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/audit").param("campaignId", id).with(OFFICIAL))
                .andExpect(jsonPath("$[0].action").value("RESIDENT_FOLLOWED_UP"))
                .andExpect(jsonPath("$[0].subject").value(ref))
                .andExpect(content().string(not(containsString("Kim Minji"))))
                .andExpect(content().string(not(containsString("1010000001"))));
    }

    @Test
    void analystsMayNotReadTheAuditLog() throws Exception {
        mvc.perform(get("/api/audit").with(ANALYST))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("OFFICIAL")));
    }

    @Test
    void anActionWithoutASignedInUserIsTheSystems() throws Exception {
        String id = Rosters.imported(campaigns, "phone\n010-1000-0001\n").id();

        mvc.perform(get("/api/audit").param("campaignId", id).with(OFFICIAL))
                .andExpect(jsonPath("$[0].actor").value(AuditLog.SYSTEM));
    }

    private String created(String csv) throws Exception {
        String body = mvc.perform(multipart("/api/campaigns")
                        .file(new MockMultipartFile("roster", "residents.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("questionnaire", "covid.yaml", "application/yaml",
                                Rosters.QUESTIONNAIRE.getBytes(StandardCharsets.UTF_8)))
                        .param("name", "March check-in").param("wait", "true").with(OFFICIAL))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
