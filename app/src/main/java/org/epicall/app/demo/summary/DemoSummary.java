package org.epicall.app.demo.summary;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.SurveyStatus;

/**
 * Everything the demo reports when it ends.
 *
 * @param residents           residents in the campaign
 * @param fates               residents per final state
 * @param attemptsByOutcome   attempts per network outcome, from {@code epicall.call-attempts}
 * @param surveysByStatus     surveys per status, from {@code epicall.survey-results}
 * @param residentsByAttempts residents per number of attempts they needed
 * @param answeredByAttempts  of the residents who were answered, how many per number of attempts it took
 * @param voiceAnswers        answers given by voice and accepted
 * @param keypadAnswers       answers given on the keypad
 * @param flagged             residents awaiting a follow-up call
 * @param topicEndOffsets     end offset (records written) per topic
 * @param audit               what the audit of the attempts found
 * @param elapsed             wall time from campaign start to the last resident accounted for
 */
public record DemoSummary(
        long residents,
        Map<ResidentFate, Long> fates,
        Map<CallOutcome, Long> attemptsByOutcome,
        Map<SurveyStatus, Long> surveysByStatus,
        Map<Integer, Long> residentsByAttempts,
        Map<Integer, Long> answeredByAttempts,
        long voiceAnswers,
        long keypadAnswers,
        List<FlaggedResident> flagged,
        Map<String, Long> topicEndOffsets,
        AuditFindings audit,
        Duration elapsed) {

    public DemoSummary {
        fates = Collections.unmodifiableMap(copy(fates, ResidentFate.class));
        attemptsByOutcome = Collections.unmodifiableMap(copy(attemptsByOutcome, CallOutcome.class));
        surveysByStatus = Collections.unmodifiableMap(copy(surveysByStatus, SurveyStatus.class));
        residentsByAttempts = Collections.unmodifiableMap(new TreeMap<>(residentsByAttempts));
        answeredByAttempts = Collections.unmodifiableMap(new TreeMap<>(answeredByAttempts));
        flagged = List.copyOf(flagged);
        topicEndOffsets = Collections.unmodifiableMap(new LinkedHashMap<>(topicEndOffsets));
    }

    /** Attempts placed, over all outcomes. */
    public long attempts() {
        return attemptsByOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Residents completed, failed or out of attempts. */
    public long accounted() {
        return residents - fates.getOrDefault(ResidentFate.OPEN, 0L);
    }

    /** True when every resident is accounted for and the audit found nothing wrong. */
    public boolean clean() {
        return accounted() == residents && audit.clean();
    }

    private static <E extends Enum<E>> Map<E, Long> copy(Map<E, Long> counts, Class<E> type) {
        Map<E, Long> copy = new EnumMap<>(type);
        copy.putAll(counts);
        return copy;
    }
}
