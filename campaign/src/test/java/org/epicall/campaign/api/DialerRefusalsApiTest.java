package org.epicall.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.ContactState;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.RecordingDialRequests;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A dialer node that would not place an attempt says why, and the campaign shows it and calls again later. */
@CampaignTest
class DialerRefusalsApiTest {

    private static final String REASON = "questionnaire covid-checkin@0123456789abcdef is not on epicall.questionnaires"
            + " (this node has covid-checkin@fedcba9876543210): check that the campaign service publishes it";

    @Autowired MockMvc mvc;
    @Autowired Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired RecordingDialRequests dialer;
    @Autowired AttemptResultHandler handler;
    @Autowired ContactStore contacts;
    @Autowired MutableClock clock;

    @BeforeEach
    void mondayMorningInSeoul() {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        dialer.drain();
    }

    @Test
    void aRefusedAttemptIsCountedWithTheNodesReasonAndTheResidentIsCalledAgain() throws Exception {
        String id = Rosters.imported(campaigns, "phone\n010-1000-0001\n010-1000-0002\n").id();
        mvc.perform(get("/api/campaigns/" + id + "/refusals").with(ApiClients.ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(0))
                .andExpect(jsonPath("$.latest").isEmpty());
        campaigns.start(id);
        scheduler.tick();
        List<DialRequest> calls = dialer.drain().stream().filter(r -> r.campaignId().equals(id)).toList();
        assertThat(calls).hasSize(2);

        Instant now = clock.instant();
        DialRequest refused = calls.getFirst();
        handler.attemptFinished(new AttemptResult(refused.attemptId(), id, refused.contactRef(), CallOutcome.REFUSED,
                null, null, null, null, now, REASON));

        mvc.perform(get("/api/campaigns/" + id + "/refusals").with(ApiClients.ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.latest[0].attemptId").value(refused.attemptId()))
                .andExpect(jsonPath("$.latest[0].reason").value(REASON))
                .andExpect(jsonPath("$.latest[0].at").value(now.toString()));
        assertThat(contacts.contact(refused.contactRef()).orElseThrow().state()).isEqualTo(ContactState.RETRYING);
        mvc.perform(get("/api/campaigns/cmp-nope/refusals").with(ApiClients.ANALYST))
                .andExpect(status().isNotFound());
    }
}
