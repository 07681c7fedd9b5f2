package org.epicall.app.demo.summary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.epicall.messaging.ResultAnswer;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.SurveyStatus;

/**
 * One campaign's attempts and survey results as read back from Kafka, de-duplicated on the attempt
 * id (the topics deliver at least once), and the counts the summary shows. Immutable.
 */
public final class CampaignRecords {

    private final Map<String, AttemptResult> attempts;
    private final Map<String, SurveyResultEvent> surveys;

    private CampaignRecords(Map<String, AttemptResult> attempts, Map<String, SurveyResultEvent> surveys) {
        this.attempts = attempts;
        this.surveys = surveys;
    }

    /** Keeps the records of {@code campaignId}; a repeated attempt id keeps its first record. */
    public static CampaignRecords of(String campaignId, Collection<AttemptResult> attemptResults,
                                     Collection<SurveyResultEvent> surveyResults) {
        Map<String, AttemptResult> attempts = new LinkedHashMap<>();
        for (AttemptResult a : attemptResults) {
            if (a.campaignId().equals(campaignId)) {
                attempts.putIfAbsent(a.attemptId(), a);
            }
        }
        Map<String, SurveyResultEvent> surveys = new LinkedHashMap<>();
        for (SurveyResultEvent s : surveyResults) {
            if (s.campaignId().equals(campaignId)) {
                surveys.putIfAbsent(s.attemptId(), s);
            }
        }
        return new CampaignRecords(attempts, surveys);
    }

    /** Keeps the records of every campaign; a repeated attempt id keeps its first record. */
    public static CampaignRecords all(Collection<AttemptResult> attemptResults) {
        Map<String, AttemptResult> attempts = new LinkedHashMap<>();
        for (AttemptResult a : attemptResults) {
            attempts.putIfAbsent(a.attemptId(), a);
        }
        return new CampaignRecords(attempts, new LinkedHashMap<>());
    }

    public Collection<AttemptResult> attempts() {
        return attempts.values();
    }

    public Collection<SurveyResultEvent> surveys() {
        return surveys.values();
    }

    public List<AttemptRecord> attemptRecords() {
        return attempts.values().stream()
                .map(a -> new AttemptRecord(a.attemptId(), a.contactRef(), a.outcome(), a.originatedAt(), a.endedAt()))
                .toList();
    }

    public Map<CallOutcome, Long> attemptsByOutcome() {
        Map<CallOutcome, Long> counts = new EnumMap<>(CallOutcome.class);
        attempts.values().forEach(a -> counts.merge(a.outcome(), 1L, Long::sum));
        return counts;
    }

    public Map<SurveyStatus, Long> surveysByStatus() {
        Map<SurveyStatus, Long> counts = new EnumMap<>(SurveyStatus.class);
        surveys.values().forEach(s -> counts.merge(s.status(), 1L, Long::sum));
        return counts;
    }

    /** How many residents needed 1, 2, 3… attempts. */
    public Map<Integer, Long> residentsByAttempts() {
        Map<String, Integer> perResident = new HashMap<>();
        attempts.values().forEach(a -> perResident.merge(a.contactRef(), 1, Integer::sum));
        Map<Integer, Long> histogram = new TreeMap<>();
        perResident.values().forEach(n -> histogram.merge(n, 1L, Long::sum));
        return histogram;
    }

    /** Of the residents who were answered, how many needed 1, 2, 3… attempts to be. */
    public Map<Integer, Long> answeredByAttempts() {
        Map<String, Integer> perResident = new HashMap<>();
        attempts.values().forEach(a -> perResident.merge(a.contactRef(), 1, Integer::sum));
        Map<Integer, Long> histogram = new TreeMap<>();
        attempts.values().stream().filter(a -> a.outcome() == CallOutcome.ANSWERED).map(AttemptResult::contactRef)
                .distinct().forEach(ref -> histogram.merge(perResident.get(ref), 1L, Long::sum));
        return histogram;
    }

    /** Answers accepted from the resident's voice. */
    public long voiceAnswers() {
        return answers().stream()
                .filter(a -> a.source() == AnswerSource.VOICE && a.decision() == Decision.ACCEPT).count();
    }

    /** Answers given on the keypad. */
    public long keypadAnswers() {
        return answers().stream().filter(a -> a.source() == AnswerSource.KEYPAD && a.value() != null).count();
    }

    public List<ResultAnswer> answers() {
        List<ResultAnswer> all = new ArrayList<>();
        surveys.values().forEach(s -> all.addAll(s.answers()));
        return all;
    }

    /** Residents whose latest survey fired triage rules, labelled by {@code labels} (contact ref to label). */
    public List<FlaggedResident> flagged(Function<String, String> labels) {
        Map<String, SurveyResultEvent> latest = new TreeMap<>();
        for (SurveyResultEvent s : surveys.values()) {
            latest.merge(s.contactRef(), s, (a, b) -> a.endedAt().isAfter(b.endedAt()) ? a : b);
        }
        return latest.values().stream()
                .filter(s -> !s.triageFlags().isEmpty())
                .map(s -> new FlaggedResident(s.contactRef(), labels.apply(s.contactRef()), s.triageFlags()))
                .sorted(Comparator.comparing(FlaggedResident::label).thenComparing(FlaggedResident::contactRef))
                .toList();
    }
}
