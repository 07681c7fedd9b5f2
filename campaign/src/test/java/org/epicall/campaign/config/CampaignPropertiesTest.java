package org.epicall.campaign.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CampaignPropertiesTest {

    private static CampaignProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("epicall.campaign", CampaignProperties.class);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        CampaignProperties properties = bind(Map.of());

        assertThat(properties.roster().defaultRegion()).isEqualTo("KR");
        assertThat(properties.roster().defaultLanguage()).isEqualTo("ko");
        assertThat(properties.roster().chunkSize()).isEqualTo(1000);
        ScheduleProperties schedule = properties.schedule();
        assertThat(schedule.windowStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(schedule.windowEnd()).isEqualTo(LocalTime.of(20, 0));
        assertThat(schedule.callingDays()).containsExactlyInAnyOrder(DayOfWeek.values());
        assertThat(schedule.retryDelay()).containsEntry(CallOutcome.BUSY, Duration.ofMinutes(10))
                .containsEntry(CallOutcome.NO_ANSWER, Duration.ofHours(1))
                .containsEntry(CallOutcome.MACHINE, Duration.ofHours(2))
                .containsEntry(CallOutcome.CAMPAIGN_FAULT, Duration.ofMinutes(10));
        assertThat(schedule.maxAttempts()).isEqualTo(5);
        assertThat(schedule.dailyCap()).isEqualTo(3);
        assertThat(schedule.giveUpOn()).containsExactlyInAnyOrder(CallOutcome.REJECTED, CallOutcome.INVALID_NUMBER);
        assertThat(schedule.dispatchTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.maxCallDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.security().users()).isEmpty();
    }

    @Test
    void configuredRetryDelayReplacesOnlyItsOwnOutcome() {
        CampaignProperties properties = bind(Map.of("epicall.campaign.schedule.retry-delay.busy", "3m"));

        assertThat(properties.schedule().retryDelay()).containsEntry(CallOutcome.BUSY, Duration.ofMinutes(3))
                .containsEntry(CallOutcome.NO_ANSWER, Duration.ofHours(1));
    }
}
