package org.epicall.campaign.testsupport;

import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.lifecycle.CampaignStateChanged;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

@TestConfiguration(proxyBeanMethods = false)
public class RecordingPublisherConfiguration {

    @Bean
    @Primary
    RecordingDialRequests recordingDialRequests() {
        return new RecordingDialRequests();
    }

    /**
     * The recording dialer never places the calls of a campaign that has ended, and tests share one
     * database and reuse numbers: so the numbers an ended campaign held are free for the next test at
     * once (in service they are freed when the attempt reports back or is swept).
     */
    @Bean
    ApplicationListener<PayloadApplicationEvent<CampaignStateChanged>> freeNumbersOfEndedCampaigns(JdbcClient jdbc) {
        return event -> {
            CampaignStateChanged changed = event.getPayload();
            if (changed.state() == CampaignState.CANCELLED || changed.state() == CampaignState.COMPLETED) {
                jdbc.sql("DELETE FROM number_lock WHERE campaign_id = ?").param(changed.campaignId()).update();
            }
        };
    }
}
