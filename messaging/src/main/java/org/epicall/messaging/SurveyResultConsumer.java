package org.epicall.messaging;

import java.util.function.Consumer;

import org.epicall.messaging.internal.CommittingConsumerLoop;

/**
 * Consumes {@value Topics#SURVEY_RESULTS} in a consumer group of the caller's choosing. Same delivery
 * rules as {@link CallAttemptConsumer}; a result can arrive twice, so de-duplicate on
 * {@link SurveyResultEvent#attemptId()}.
 */
public final class SurveyResultConsumer implements AutoCloseable {

    private final CommittingConsumerLoop<SurveyResultEvent> loop;

    private SurveyResultConsumer(CommittingConsumerLoop<SurveyResultEvent> loop) {
        this.loop = loop;
    }

    public static SurveyResultConsumer start(KafkaConnection connection, String groupId,
                                             Consumer<SurveyResultEvent> callback) {
        EventJson json = new EventJson();
        return new SurveyResultConsumer(new CommittingConsumerLoop<>(connection, groupId,
                Topics.SURVEY_RESULTS, 500, json::readSurveyResult, callback).start());
    }

    @Override
    public void close() {
        loop.close();
    }
}
