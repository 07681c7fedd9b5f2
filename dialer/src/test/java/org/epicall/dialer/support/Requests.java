package org.epicall.dialer.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.epicall.survey.call.DialRequest;

/** Dial requests for tests. */
public final class Requests {

    private Requests() {
    }

    public static DialRequest to(String attemptId, String number) {
        return new DialRequest(attemptId, "camp-test", "contact-" + attemptId, number, "ko", "covid-checkin", 1,
                Instant.now().plus(1, ChronoUnit.HOURS));
    }
}
