package org.epicall.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.ContactState;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.contact.DueContact;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.roster.ImportedContact;
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

@CampaignTest
class DialSchedulerTest {

    /** Monday 2026-03-09 10:00 in Seoul; 21:00 on Sunday in New York (already EDT). */
    private static final Instant MONDAY_10_SEOUL = Instant.parse("2026-03-09T01:00:00Z");

    @Autowired Campaigns campaigns;
    @Autowired org.epicall.campaign.roster.ContactReferences references;
    @Autowired DialScheduler scheduler;
    @Autowired AttemptSweeper sweeper;
    @Autowired AttemptResultHandler results;
    @Autowired ContactStore contacts;
    @Autowired RecordingDialRequests dialer;
    @Autowired MutableClock clock;

    @BeforeEach
    void setUp() {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(MONDAY_10_SEOUL);
        dialer.drain();
    }

    @Test
    void dialsEachDueContactOnceUntilItReportsBack() {
        String id = running("phone\n010-1000-0001\n010-1000-0002\n");

        scheduler.tick();
        List<DialRequest> first = dialer.drain();
        scheduler.tick();

        assertThat(first).extracting(DialRequest::phoneNumber).containsExactly("+821010000001", "+821010000002");
        assertThat(first).allSatisfy(r -> {
            assertThat(r.campaignId()).isEqualTo(id);
            assertThat(r.attemptNumber()).isEqualTo(1);
            assertThat(r.language()).isEqualTo("ko");
            assertThat(r.questionnaireId()).isEqualTo("covid-checkin");
            assertThat(r.notAfter()).isEqualTo(MONDAY_10_SEOUL.plus(Duration.ofMinutes(10)));
        });
        assertThat(dialer.drain()).isEmpty();
    }

    @Test
    void shouldNotClaimAContactOnCountsAnotherInstanceHasOvertaken() {
        String id = running("phone\n010-1000-0001\n");
        DueContact seenBefore = contacts.due(id, clock.instant(), 10).getFirst();
        // meanwhile another instance calls the contact, hears busy and makes it due again
        report(dialOne(), CallOutcome.BUSY);
        clock.advance(Duration.ofMinutes(10));

        boolean claimed = contacts.claim(seenBefore, new ContactStore.NewAttempt("stale-1", id, clock.instant(),
                clock.instant().plusSeconds(60), clock.instant().plusSeconds(120)), LocalDate.of(2026, 3, 9));

        assertThat(claimed).isFalse();
        scheduler.tick();
        assertThat(dialer.drain()).singleElement().satisfies(r -> assertThat(r.attemptNumber()).isEqualTo(2));
    }

    @Test
    void shouldRetryBusyNumberAfterTenMinutes() {
        running("phone\n010-1000-0001\n");
        DialRequest first = dialOne();

        report(first, CallOutcome.BUSY);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        scheduler.tick();
        assertThat(dialer.drain()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        scheduler.tick();

        assertThat(dialer.drain()).singleElement().satisfies(r -> {
            assertThat(r.attemptNumber()).isEqualTo(2);
            assertThat(r.contactRef()).isEqualTo(first.contactRef());
        });
    }

    @Test
    void shouldRetryUnansweredNumberAfterOneHour() {
        running("phone\n010-1000-0001\n");
        report(dialOne(), CallOutcome.NO_ANSWER);

        clock.advance(Duration.ofMinutes(59));
        scheduler.tick();
        assertThat(dialer.drain()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        scheduler.tick();

        assertThat(dialer.drain()).hasSize(1);
    }

    @Test
    void neverDialsOutsideCallingHoursInTheResidentsOwnZoneAcrossTheDstChange() {
        running("phone,timezone\n010-1000-0001,\n+1 212 555 0100,America/New_York\n");

        scheduler.tick();
        assertThat(dialer.drain()).extracting(DialRequest::phoneNumber).containsExactly("+821010000001");
        clock.set(Instant.parse("2026-03-09T12:59:00Z")); // 08:59 EDT; a fixed EST offset would say 07:59
        scheduler.tick();
        assertThat(dialer.drain()).isEmpty();
        clock.set(Instant.parse("2026-03-09T13:00:00Z")); // 09:00 EDT
        scheduler.tick();

        assertThat(dialer.drain()).extracting(DialRequest::phoneNumber).containsExactly("+12125550100");
    }

    @Test
    void dialRequestExpiresWhenTheWindowCloses() {
        running("phone\n010-1000-0001\n");
        clock.set(Instant.parse("2026-03-09T10:55:00Z")); // 19:55 in Seoul

        assertThat(dialOne().notAfter()).isEqualTo(Instant.parse("2026-03-09T11:00:00Z"));
    }

    @Test
    void capsAttemptsPerContactPerLocalDay() {
        running("phone\n010-1000-0001\n");
        for (int i = 0; i < 3; i++) {
            report(dialOne(), CallOutcome.BUSY);
            clock.advance(Duration.ofMinutes(10));
        }

        scheduler.tick();
        assertThat(dialer.drain()).isEmpty();
        clock.set(Instant.parse("2026-03-09T23:59:00Z")); // 08:59 Tuesday in Seoul
        scheduler.tick();
        assertThat(dialer.drain()).isEmpty();
        clock.set(Instant.parse("2026-03-10T00:00:00Z")); // 09:00 Tuesday in Seoul
        scheduler.tick();

        assertThat(dialer.drain()).singleElement().extracting(DialRequest::attemptNumber).isEqualTo(4);
    }

    @Test
    void contactIsOutOfAttemptsAfterTheFifthAndTheCampaignCompletes() {
        String id = running("phone\n010-1000-0001\n");
        for (int day = 0; day < 2; day++) {
            for (int i = 0; i < 3 && day * 3 + i < 5; i++) {
                report(dialOne(), CallOutcome.NO_ANSWER);
                clock.advance(Duration.ofHours(1));
            }
            clock.set(MONDAY_10_SEOUL.plus(Duration.ofDays(day + 1)));
        }

        scheduler.tick();

        assertThat(dialer.drain()).isEmpty();
        assertThat(onlyContact(id).state()).isEqualTo(ContactState.EXHAUSTED);
        assertThat(onlyContact(id).attempts()).isEqualTo(5);
        assertThat(campaigns.get(id).state()).isEqualTo(CampaignState.COMPLETED);
    }

    @Test
    void givesBackAnAttemptTheResidentHadNoPartInButKeepsItInTheDaysCapAndItsNumber() {
        // defaults: 5 attempts per resident, 3 a day
        String id = running("phone\n010-1000-0001\n");
        List<DialRequest> calls = new ArrayList<>();
        calls.add(dialOne());
        report(calls.getLast(), CallOutcome.BUSY);
        clock.advance(Duration.ofMinutes(10));
        calls.add(dialOne());
        report(calls.getLast(), CallOutcome.UNREACHABLE_SERVER);
        clock.advance(Duration.ofMinutes(10));
        calls.add(dialOne());
        report(calls.getLast(), CallOutcome.CAMPAIGN_FAULT);
        clock.advance(Duration.ofMinutes(10));
        scheduler.tick();
        assertThat(dialer.drain()).as("the day's cap of 3 counts every call that rang").isEmpty();

        for (int day = 1; day <= 2; day++) {
            clock.advance(Duration.ofDays(1).minusMinutes(30));
            for (int call = 0; call < (day == 1 ? 3 : 1); call++) {
                calls.add(dialOne());
                report(calls.getLast(), CallOutcome.BUSY);
                clock.advance(Duration.ofMinutes(10));
            }
        }

        assertThat(calls).extracting(DialRequest::attemptNumber).as("numbers are never reused")
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(onlyContact(id).attempts()).isEqualTo(7);
        assertThat(onlyContact(id).state()).as("five busy calls count; the server's and the campaign's fault do not")
                .isEqualTo(ContactState.EXHAUSTED);
    }

    @Test
    void sweepsAnAttemptThatNeverReportsBackOnlyOnceItCanNoLongerRing() {
        String id = running("phone\n010-1000-0001\n");
        DialRequest lost = dialOne();
        Instant sweepable = lost.notAfter().plus(Duration.ofMinutes(15));

        clock.set(sweepable.minusSeconds(1));
        sweeper.sweep();
        scheduler.tick();
        assertThat(dialer.drain()).isEmpty();
        assertThat(stateOf(lost)).isEqualTo("OUTSTANDING");
        clock.set(sweepable);
        sweeper.sweep();
        assertThat(stateOf(lost)).isEqualTo("SWEPT");
        clock.advance(Duration.ofMinutes(1));
        DialRequest retry = dialOne();
        report(lost, CallOutcome.BUSY); // the lost report turns up after all

        assertThat(retry.attemptNumber()).isEqualTo(2);
        assertThat(retry.attemptId()).isNotEqualTo(lost.attemptId());
        assertThat(onlyContact(id).state()).isEqualTo(ContactState.DIALING);
        assertThat(contacts.attemptsOf(lost.contactRef())).extracting(ContactStore.AttemptView::state)
                .containsExactly("LATE", "OUTSTANDING");
    }

    @Test
    void completesTheCampaignWhenEveryContactIsCompletedOrFailed() {
        String id = running("phone\n010-1000-0001\n010-1000-0002\n");
        scheduler.tick();
        List<DialRequest> requests = dialer.drain();

        report(requests.get(0), CallOutcome.ANSWERED);
        assertThat(campaigns.get(id).state()).isEqualTo(CampaignState.RUNNING);
        report(requests.get(1), CallOutcome.REJECTED);

        assertThat(campaigns.get(id).state()).isEqualTo(CampaignState.COMPLETED);
        var progress = campaigns.progress(id);
        assertThat(progress.completed()).isEqualTo(1);
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(progress.dialed()).isEqualTo(2);
        assertThat(progress.answered()).isEqualTo(1);
    }

    @Test
    void aRepeatedReportChangesNothing() {
        String id = running("phone\n010-1000-0001\n");
        DialRequest request = dialOne();

        report(request, CallOutcome.BUSY);
        report(request, CallOutcome.BUSY);
        clock.advance(Duration.ofMinutes(10));

        assertThat(dialOne().attemptNumber()).isEqualTo(2);
        assertThat(onlyContact(id).attempts()).isEqualTo(2);
    }

    @Test
    void followsTheCampaignsOwnCallingWindowAndRetryPolicy() {
        CampaignSchedule own = new CampaignSchedule(LocalTime.of(11, 0), LocalTime.of(18, 0),
                EnumSet.allOf(DayOfWeek.class), 2, 2, Map.of(CallOutcome.BUSY, Duration.ofMinutes(1)),
                Duration.ofMinutes(30), Set.of());
        String id = Rosters.imported(campaigns, "phone\n010-1000-0001\n", own).id();
        campaigns.start(id);

        scheduler.tick();
        assertThat(dialer.drain()).as("10:00 in Seoul, before the campaign's 11:00").isEmpty();
        clock.set(Instant.parse("2026-03-09T02:00:00Z"));
        report(dialOne(), CallOutcome.BUSY);
        clock.advance(Duration.ofMinutes(1));
        report(dialOne(), CallOutcome.BUSY);

        assertThat(onlyContact(id).state()).as("two attempts, the campaign's cap").isEqualTo(ContactState.EXHAUSTED);
        assertThat(campaigns.schedule(id)).isEqualTo(own);
    }

    @Test
    void pausedCampaignIsNotDialledUntilResumed() {
        String id = running("phone\n010-1000-0001\n");
        campaigns.pause(id);

        scheduler.tick();
        assertThat(dialer.drain()).isEmpty();
        campaigns.resume(id);
        scheduler.tick();

        assertThat(dialer.drain()).hasSize(1);
    }

    @Test
    void reportForAnUnknownAttemptIsIgnored() {
        String id = running("phone\n010-1000-0001\n");

        results.attemptFinished(new AttemptResult("no-such-attempt", id, "nobody", CallOutcome.ANSWERED, 16, "pbx",
                clock.instant(), clock.instant(), clock.instant(), ""));

        assertThat(onlyContact(id).state()).isEqualTo(ContactState.PENDING);
    }

    private String running(String csv) {
        String id = Rosters.imported(campaigns, csv).id();
        campaigns.start(id);
        return id;
    }

    private DialRequest dialOne() {
        scheduler.tick();
        return dialer.drain().getFirst();
    }

    private void report(DialRequest request, CallOutcome outcome) {
        Instant now = clock.instant();
        results.attemptFinished(new AttemptResult(request.attemptId(), request.campaignId(), request.contactRef(),
                outcome, null, "pbx-1", now, outcome == CallOutcome.ANSWERED ? now : null, now, ""));
    }

    private String stateOf(DialRequest attempt) {
        return contacts.attemptsOf(attempt.contactRef()).stream()
                .filter(a -> a.attemptId().equals(attempt.attemptId())).findFirst().orElseThrow().state();
    }

    private ContactStore.ContactView onlyContact(String campaignId) {
        return contacts.contact(references.of(campaignId, 2)).orElseThrow();
    }
}
