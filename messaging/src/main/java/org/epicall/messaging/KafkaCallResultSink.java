package org.epicall.messaging;

import java.nio.charset.StandardCharsets;

import org.epicall.messaging.outbox.ResultOutbox;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.SurveyResponse;

/**
 * Publishes what calls did: survey responses to {@value Topics#SURVEY_RESULTS} as
 * {@link SurveyResultEvent}s, attempt results to {@value Topics#CALL_ATTEMPTS}, both keyed by the
 * contact reference.
 *
 * <p>Each method returns once the record is on disk in the {@link ResultOutbox}; the outbox relay
 * delivers it to Kafka, now or when the broker is back. A record that could not be written to disk
 * makes the method throw {@link org.epicall.messaging.outbox.OutboxException}.
 *
 * <p>Thread-safe.
 */
public final class KafkaCallResultSink implements CallResultSink {

    private final ResultOutbox outbox;
    private final EventJson json;
    private final PhoneNumberDisclosure disclosure;

    public KafkaCallResultSink(ResultOutbox outbox, EventJson json, PhoneNumberDisclosure disclosure) {
        this.outbox = outbox;
        this.json = json;
        this.disclosure = disclosure;
    }

    @Override
    public void surveyFinished(SurveyResponse response) {
        SurveyResultEvent event = SurveyResultEvent.of(response, disclosure.phoneNumberFor(response));
        outbox.append(Topics.SURVEY_RESULTS, key(response.contactRef()), json.surveyResult(event));
    }

    @Override
    public void attemptFinished(AttemptResult result) {
        outbox.append(Topics.CALL_ATTEMPTS, key(result.contactRef()), json.callAttempt(result));
    }

    static byte[] key(String contactRef) {
        return contactRef.getBytes(StandardCharsets.UTF_8);
    }
}
