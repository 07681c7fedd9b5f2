package org.epicall.campaign.schedule;

import org.epicall.survey.call.DialRequest;

/**
 * Hands dial requests to the dialers (in production: the {@code epicall.dial-requests} topic, keyed by
 * contact reference).
 *
 * <p>Contract: implementations are thread-safe. {@link #publish} returns only once the request is
 * durably accepted for delivery; otherwise it throws {@link DialRequestPublishException} and the
 * scheduler takes the attempt back. A request may be delivered more than once; dialers de-duplicate
 * on {@link DialRequest#attemptId()}.
 */
public interface DialRequestPublisher {

    void publish(DialRequest request);
}
