package org.epicall.messaging;

import java.util.function.Consumer;

import org.epicall.messaging.internal.CommittingConsumerLoop;
import org.epicall.survey.call.AttemptResult;

/**
 * Consumes {@value Topics#CALL_ATTEMPTS} in a consumer group of the caller's choosing (the campaign
 * service uses one group for all its instances), one record at a time: its offset is committed after
 * the callback returned, a callback that throws gets it again a second later, and a record can come
 * twice after a crash.
 */
public final class CallAttemptConsumer implements AutoCloseable {

    private final CommittingConsumerLoop<AttemptResult> loop;

    private CallAttemptConsumer(CommittingConsumerLoop<AttemptResult> loop) {
        this.loop = loop;
    }

    public static CallAttemptConsumer start(KafkaConnection connection, String groupId, Consumer<AttemptResult> callback) {
        EventJson json = new EventJson();
        return new CallAttemptConsumer(new CommittingConsumerLoop<>(connection, groupId,
                Topics.CALL_ATTEMPTS, 500, json::readCallAttempt, callback).start());
    }

    @Override
    public void close() {
        loop.close();
    }
}
