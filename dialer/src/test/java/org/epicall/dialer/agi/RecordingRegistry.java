package org.epicall.dialer.agi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.epicall.survey.call.SurveyResponse;

/** A registry of known attempts that keeps the surveys handed back. */
final class RecordingRegistry implements SurveyCallRegistry {

    private final Map<String, SurveyCall> calls = new ConcurrentHashMap<>();
    private final List<SurveyResponse> surveys = new CopyOnWriteArrayList<>();

    List<SurveyResponse> surveys() {
        return surveys;
    }

    void expect(String attemptId) {
        calls.put(attemptId, new SurveyCall(attemptId, "camp-test", "contact-" + attemptId, "covid-checkin", "ko"));
    }

    @Override
    public Optional<SurveyCall> begin(String attemptId) {
        return Optional.ofNullable(attemptId == null ? null : calls.remove(attemptId));
    }

    @Override
    public void surveyEnded(String attemptId, SurveyResponse response) {
        surveys.add(response);
    }
}
