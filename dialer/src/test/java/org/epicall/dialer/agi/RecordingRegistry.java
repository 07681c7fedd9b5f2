package org.epicall.dialer.agi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.epicall.survey.call.SurveyResponse;

/** A registry of known attempts that keeps the surveys, machines and faults handed back. */
final class RecordingRegistry implements SurveyCallRegistry {

    private final Map<String, SurveyCall> calls = new ConcurrentHashMap<>();
    private final List<SurveyResponse> surveys = new CopyOnWriteArrayList<>();
    private final List<String> machines = new CopyOnWriteArrayList<>();
    private final List<String> missingPrompts = new CopyOnWriteArrayList<>();
    private final List<Path> unwritable = new CopyOnWriteArrayList<>();

    List<SurveyResponse> surveys() {
        return surveys;
    }

    List<String> machines() {
        return machines;
    }

    List<String> missingPrompts() {
        return missingPrompts;
    }

    List<Path> unwritable() {
        return unwritable;
    }

    void expect(String attemptId) {
        calls.put(attemptId, new SurveyCall(attemptId, "camp-test", "contact-" + attemptId, "covid-checkin", "ko",
                "sim-1"));
    }

    @Override
    public Optional<SurveyCall> begin(String attemptId) {
        return Optional.ofNullable(attemptId == null ? null : calls.remove(attemptId));
    }

    @Override
    public void surveyEnded(String attemptId, SurveyResponse response) {
        surveys.add(response);
    }

    @Override
    public void answeredByMachine(String attemptId, String amdCause) {
        machines.add(attemptId + " " + amdCause);
    }

    @Override
    public void campaignFault(String attemptId, SurveyResponse soFar) {
        surveys.add(soFar);
    }

    @Override
    public SessionFaults faults(String attemptId) {
        return new SessionFaults() {
            @Override
            public void promptMissing(String prompt) {
                missingPrompts.add(prompt);
            }

            @Override
            public void recordingFailed(Path file) {
                unwritable.add(file);
            }

            @Override
            public void recordingWritten(Path file) {
                unwritable.remove(file);
            }
        };
    }
}
