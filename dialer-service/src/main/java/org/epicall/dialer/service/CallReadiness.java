package org.epicall.dialer.service;

import org.epicall.survey.call.DialRequest;

/**
 * Whether this node could survey the call a dial request asks for, judged before the request is taken: a call
 * placed is a resident's phone ringing, and one the node cannot survey must not be placed. Thread-safe.
 */
public interface CallReadiness {

    /** Every request is fine (tests and tools whose scripts need nothing). */
    CallReadiness ALWAYS = request -> Verdict.READY;

    /** What to do with a request. */
    sealed interface Verdict {
        Verdict READY = new Ready();
    }

    record Ready() implements Verdict {
    }

    /** Never on this node: refused, reported to the campaign with the reason. */
    record Refuse(String reason) implements Verdict {
    }

    /** Not now (e.g. Kafka away while looking up the questionnaire): offered again. */
    record Later(String reason) implements Verdict {
    }

    Verdict check(DialRequest request);
}
