package org.epicall.campaign.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.epicall.campaign.Campaigns;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@CampaignTest
class CampaignMetricsTest {

    @Autowired Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired RecordingDialRequests dialer;
    @Autowired AttemptResultHandler results;
    @Autowired MutableClock clock;
    @Autowired MeterRegistry registry;
    @Autowired MockMvc mvc;

    @Test
    void exposesContactStatesAndAttemptsPerCampaignAsGauges() throws Exception {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        dialer.drain();
        String id = Rosters.imported(campaigns, "phone\n010-1000-0001\n010-1000-0002\n").id();
        campaigns.start(id);
        scheduler.tick();
        DialRequest call = dialer.drain().getFirst();
        Instant now = clock.instant();
        results.attemptFinished(new AttemptResult(call.attemptId(), id, call.contactRef(), CallOutcome.BUSY, 17,
                "pbx-1", now, null, now, ""));

        assertThat(gauge("epicall.campaign.contacts", id, "state", "retrying")).isEqualTo(1.0);
        assertThat(gauge("epicall.campaign.contacts", id, "state", "dialing")).isEqualTo(1.0);
        assertThat(gauge("epicall.campaign.attempts", id, "result", "dialed")).isEqualTo(2.0);
        assertThat(gauge("epicall.campaign.attempts", id, "result", "answered")).isEqualTo(0.0);
        mvc.perform(get("/actuator/metrics/epicall.campaign.contacts").param("tag", "campaign:" + id)
                        .param("tag", "state:retrying").with(ApiClients.ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[0].value").value(1.0));
    }

    private double gauge(String name, String campaignId, String tag, String value) {
        return registry.get(name).tags("campaign", campaignId, tag, value).gauge().value();
    }
}
