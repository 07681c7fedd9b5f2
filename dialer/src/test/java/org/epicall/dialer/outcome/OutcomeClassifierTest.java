package org.epicall.dialer.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeClassifierTest {

    @ParameterizedTest(name = "success={0} reason={1} cause={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            // the cases recorded from Asterisk 22.10.1 (ami-01..05, 07, 20)
            "true,  4,    null, ANSWERED",
            "true,  4,    16,   ANSWERED",
            "false, 5,    null, BUSY",
            "false, 5,    17,   BUSY",
            "false, 3,    19,   NO_ANSWER",
            "false, 3,    null, NO_ANSWER",
            "false, 8,    34,   CONGESTION",
            "false, 8,    null, CONGESTION",
            "false, 0,    21,   REJECTED",
            "false, 0,    null, FAILED",
            "false, 0,    0,    FAILED",
            // reason 0/1 carry no detail: the cause decides
            "false, 0,    17,   BUSY",
            "false, 0,    18,   NO_ANSWER",
            "false, 0,    19,   NO_ANSWER",
            "false, 0,    34,   CONGESTION",
            "false, 0,    38,   CONGESTION",
            "false, 0,    42,   CONGESTION",
            // recorded in set 2 (ami-21): subscriber absent never rang; unallocated numbers will not ring later
            "false, 0,    20,   NO_ANSWER",
            "false, 0,    1,    INVALID_NUMBER",
            "false, 0,    3,    INVALID_NUMBER",
            "false, 0,    22,   INVALID_NUMBER",
            "false, 0,    28,   INVALID_NUMBER",
            "false, 0,    16,   FAILED",
            "false, 1,    21,   REJECTED",
            "false, 1,    null, FAILED",
            "false, 4,    21,   REJECTED",
            "false, 4,    null, FAILED",
            "false, null, 17,   BUSY",
            "false, null, null, FAILED",
            "false, 99,   null, FAILED",
    })
    void shouldClassifyOriginateResponseReasonAndHangupCause(boolean success, Integer reason,
            Integer cause, CallOutcome expected) {
        assertThat(OutcomeClassifier.classify(success, reason, cause)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "candidate={0} kept={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "17,   null, true",
            "17,   0,    true",
            "17,   16,   true",
            "0,    17,   false",
            "16,   21,   false",
            "21,   17,   false",
            "null, 0,    false",
    })
    void shouldKeepTheMostSpecificCauseOfTheTwoHalvesOfACall(Integer candidate, Integer kept,
            boolean expected) {
        assertThat(OutcomeClassifier.moreSpecific(candidate, kept)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "reason={0} cause={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            // Reason 0 and no cause but 0: what Asterisk sends when it refuses a call itself (ami-07, 20, 22, 27)
            "0,    null, true",
            "0,    0,    true",
            "null, null, true",
            // a cause, or a reason that says what happened, is the network's or the resident's doing
            "0,    21,   false",
            "0,    16,   false",
            "1,    null, false",
            "5,    null, false",
            "3,    null, false",
    })
    void shouldTellARefusalByTheServerItselfFromOneByTheNetworkOrTheResident(Integer reason, Integer cause,
                                                                           boolean refusedByServer) {
        assertThat(OutcomeClassifier.isServerRefusal(reason, cause)).isEqualTo(refusedByServer);
    }

    @ParameterizedTest(name = "reason={0} cause={1} -> wait: {2}")
    @CsvSource(nullValues = "null", value = {
            "0,    null, true",
            "0,    0,    true",
            "0,    16,   true",
            "1,    null, true",
            "0,    21,   false",
            "5,    null, false",
            "3,    null, false",
            "8,    null, false",
    })
    void shouldWaitForTheCauseOnlyWhenTheReasonSaysNothing(Integer reason, Integer cause, boolean waits) {
        assertThat(OutcomeClassifier.needsCause(reason, cause)).isEqualTo(waits);
    }
}
