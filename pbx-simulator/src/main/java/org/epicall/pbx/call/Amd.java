package org.epicall.pbx.call;

import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;

import java.time.Duration;

/**
 * What Asterisk's {@code AMD()} (app_amd, the stock amd.conf: initial_silence 2500 ms, greeting 1500 ms,
 * after_greeting_silence 800 ms) concludes about the far side, and how long it listens before it does.
 * The human and machine figures are the reference runs' (agi-28, ami-28: 4 of 4 runs each); the silent line
 * follows app_amd's rule that more than initial_silence of silence is a machine.
 *
 * @param status   AMDSTATUS: HUMAN, MACHINE or NOTSURE
 * @param cause    AMDCAUSE, e.g. {@code LONGGREETING-1500-1500}
 * @param listened how long AMD() ran (simulated time)
 */
public record Amd(String status, String cause, Duration listened) {

    /** A person who says "hello" and waits: HUMAN after 2.96 s. */
    static final Amd HUMAN = new Amd("HUMAN", "HUMAN-803-800", Duration.ofMillis(2964));
    /** A greeting that goes on past 1.5 s of speech: MACHINE after 2.60 s. */
    static final Amd LONG_GREETING = new Amd("MACHINE", "LONGGREETING-1500-1500", Duration.ofMillis(2601));
    /** Nobody says anything: MACHINE once the initial silence passes 2.5 s, though a person may be there. */
    static final Amd INITIAL_SILENCE = new Amd("MACHINE", "INITIALSILENCE-2500-2500", Duration.ofMillis(2500));

    /** What AMD() hears from this resident once the call is answered. */
    public static Amd of(Resident resident) {
        Behaviour behaviour = resident.behaviour();
        if (behaviour == Behaviour.MACHINE) {
            return LONG_GREETING;
        }
        if (behaviour == Behaviour.SILENT) {
            return INITIAL_SILENCE;
        }
        return HUMAN;
    }
}
