package org.epicall.messaging;

import java.util.List;

/**
 * The Kafka topics epicall uses. Records about calls are keyed by the pseudonymous contact reference;
 * questionnaires by {@code <questionnaireId>@<version>}.
 */
public final class Topics {

    /** Campaign → dialers: {@link org.epicall.survey.call.DialRequest}s, consumed by group {@value #DIALER_GROUP}. */
    public static final String DIAL_REQUESTS = "epicall.dial-requests";
    /** Dialers → campaign: one {@link org.epicall.survey.call.AttemptResult} per attempt. */
    public static final String CALL_ATTEMPTS = "epicall.call-attempts";
    /** Dialers → analysts and dashboard: one {@link SurveyResultEvent} per answered call. */
    public static final String SURVEY_RESULTS = "epicall.survey-results";

    /**
     * Campaign → every dialer node: each campaign's questionnaire, one {@link QuestionnaireEvent} per version,
     * compacted (a version is kept for good), read whole by every node without a consumer group.
     */
    public static final String QUESTIONNAIRES = "epicall.questionnaires";

    /** Consumer group of the dialer nodes: each dial request goes to exactly one node. */
    public static final String DIALER_GROUP = "epicall-dialers";

    public static final List<String> ALL = List.of(DIAL_REQUESTS, CALL_ATTEMPTS, SURVEY_RESULTS, QUESTIONNAIRES);

    private Topics() {
    }
}
