package org.epicall.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.NumberLocks;
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

/** A resident on the rosters of two campaigns is called by one of them at a time. */
@CampaignTest
class OneCallPerNumberAcrossCampaignsTest {

    private static final Instant MONDAY_10_SEOUL = Instant.parse("2026-03-09T01:00:00Z");
    private static final long KEY = 821077779999L;

    @Autowired Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired AttemptResultHandler results;
    @Autowired RecordingDialRequests dialer;
    @Autowired NumberLocks numbers;
    @Autowired MutableClock clock;

    @BeforeEach
    void setUp() {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(MONDAY_10_SEOUL);
        dialer.drain();
    }

    @Test
    void aSecondCampaignWaitsUntilTheFirstCampaignsCallToTheNumberHasEnded() {
        String first = running("phone\n010-7777-0001\n010-7777-0002\n");
        String second = running("phone\n010-7777-0001\n010-7777-0003\n");

        scheduler.tick();
        List<DialRequest> calls = dialer.drain();

        assertThat(calls).extracting(DialRequest::phoneNumber)
                .containsExactlyInAnyOrder("+821077770001", "+821077770002", "+821077770003");
        DialRequest shared = calls.stream().filter(c -> c.phoneNumber().equals("+821077770001")).findFirst().orElseThrow();
        assertThat(shared.campaignId()).isEqualTo(first);

        clock.advance(Duration.ofMinutes(2));
        scheduler.tick();
        assertThat(dialer.drain()).as("while the first campaign's call lasts").isEmpty();

        busy(shared);
        clock.advance(Duration.ofMinutes(2));
        scheduler.tick();
        assertThat(dialer.drain()).extracting(DialRequest::campaignId, DialRequest::phoneNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second, "+821077770001"));
    }

    @Test
    void anotherCampaignMayCallANumberOnlyTheGapAfterTheLastCallEnded() {
        Duration gap = Duration.ofHours(1);
        Instant t0 = MONDAY_10_SEOUL;

        assertThat(numbers.lock(KEY, "a-1", "cmp-a", t0, gap)).isTrue();
        assertThat(numbers.lock(KEY, "b-1", "cmp-b", t0, gap)).as("held by a-1").isFalse();
        numbers.release("a-1", t0.plus(Duration.ofMinutes(1)));
        assertThat(numbers.lock(KEY, "b-1", "cmp-b", t0.plus(Duration.ofMinutes(30)), gap)).as("within the gap").isFalse();
        assertThat(numbers.lock(KEY, "a-2", "cmp-a", t0.plus(Duration.ofMinutes(30)), gap))
                .as("the same campaign keeps its own retry delays").isTrue();
        numbers.release("a-2", t0.plus(Duration.ofMinutes(31)));
        assertThat(numbers.lock(KEY, "b-1", "cmp-b", t0.plus(Duration.ofMinutes(31)).plus(gap), gap)).isTrue();
        numbers.release("b-1", t0.plus(Duration.ofHours(2)));
    }

    private String running(String csv) {
        String id = Rosters.imported(campaigns, csv).id();
        campaigns.start(id);
        return id;
    }

    private void busy(DialRequest request) {
        Instant now = clock.instant();
        results.attemptFinished(new AttemptResult(request.attemptId(), request.campaignId(), request.contactRef(),
                CallOutcome.BUSY, 17, "pbx-1", now, null, now, ""));
    }
}
