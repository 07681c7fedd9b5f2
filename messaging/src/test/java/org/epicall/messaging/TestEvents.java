package org.epicall.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;

/** Call records as a dialer produces them, with every kind of answer value. */
final class TestEvents {

    static final Instant STARTED = Instant.parse("2026-11-21T10:15:00Z");

    private TestEvents() {
    }

    static SurveyResponse completeSurvey(String attemptId) {
        return new SurveyResponse(attemptId, "campaign-1", "contact-" + attemptId, "covid-checkin", "ko",
                SurveyStatus.COMPLETE, null, STARTED, STARTED.plusSeconds(95),
                List.of(
                        new AnsweredQuestion("travel", "네", Boolean.TRUE, 0.93, Decision.ACCEPT, AnswerSource.VOICE, 1, "/rec/a.wav"),
                        new AnsweredQuestion("temperature", "삼십칠 점 팔", new BigDecimal("37.8"), 0.81, Decision.ACCEPT, AnswerSource.VOICE, 2, null),
                        new AnsweredQuestion("contact-days", "", 3, 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, 1, null),
                        new AnsweredQuestion("symptoms", "기침 그리고 열", List.of("cough", "fever"), 0.88, Decision.ACCEPT, AnswerSource.VOICE, 1, null),
                        new AnsweredQuestion("onset", "", "2026-11-18", 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, 1, null),
                        new AnsweredQuestion("notes", "목이 아파요", "목이 아파요", 0.7, Decision.ACCEPT, AnswerSource.VOICE, 1, null),
                        new AnsweredQuestion("vaccinated", "음", null, 0.2, Decision.UNANSWERED, AnswerSource.NONE, 2, null),
                        keypadAfterVoice("symptoms-any")),
                List.of("fever", "recent-contact"));
    }

    /**
     * The case: "없어요" heard twice and not understood well enough, then 1 (yes) on the keypad;
     * the keypad value counted.
     */
    static AnsweredQuestion keypadAfterVoice(String questionId) {
        return new AnsweredQuestion(questionId, "없어요", Boolean.TRUE, 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, 3,
                "/rec/" + questionId + "-2.wav");
    }

    static SurveyResponse partialSurvey(String attemptId) {
        return new SurveyResponse(attemptId, "campaign-1", "contact-" + attemptId, "covid-checkin", "ko",
                SurveyStatus.PARTIAL, "temperature", STARTED, STARTED.plusSeconds(20),
                List.of(new AnsweredQuestion("travel", "아니요", Boolean.FALSE, 0.97, Decision.ACCEPT, AnswerSource.VOICE, 1, null)),
                List.of());
    }

    static AttemptResult answered(String attemptId) {
        return new AttemptResult(attemptId, "campaign-1", "contact-" + attemptId, CallOutcome.ANSWERED, 16, "pbx-1",
                STARTED.minusSeconds(12), STARTED, STARTED.plusSeconds(95), "");
    }

    static AttemptResult unreachable(String attemptId) {
        return new AttemptResult(attemptId, "campaign-1", "contact-" + attemptId, CallOutcome.UNREACHABLE_SERVER, null,
                null, null, null, STARTED, "no PBX answered");
    }

    static DialRequest dialRequest(String attemptId) {
        return new DialRequest(attemptId, "campaign-1", "contact-" + attemptId, "+821012345678", "ko",
                "covid-checkin", 1, STARTED.plusSeconds(3600));
    }

    /** A request for a questionnaire version published on epicall.questionnaires. */
    static DialRequest dialRequestFor(String attemptId, String questionnaireVersion) {
        return new DialRequest(attemptId, "campaign-1", "contact-" + attemptId, "+821012345678", "ko",
                "covid-checkin", 1, STARTED.plusSeconds(3600), questionnaireVersion);
    }

    static DialRequest dialRequest(String attemptId, String contactRef) {
        return new DialRequest(attemptId, "campaign-1", contactRef, "+821012345678", "ko", "covid-checkin", 1,
                STARTED.plusSeconds(3600));
    }
}
