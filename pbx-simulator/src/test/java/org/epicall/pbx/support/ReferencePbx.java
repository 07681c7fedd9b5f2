package org.epicall.pbx.support;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.audio.AudioClip;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.Dialplan.App;
import org.epicall.pbx.call.Dialplan.Context;
import org.epicall.pbx.call.FailureEventOrder;
import org.epicall.pbx.resident.Answer;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator configured like the reference Asterisk: the contexts of config/extensions.conf (set 1) and
 * config/extensions-2.conf (set 2, the xref-* contexts), priority by priority, and residents standing in for the
 * reference's far-side dialplans, so the transcripts' Originates mean the same thing.
 */
public final class ReferencePbx {

    private ReferencePbx() {
    }

    /** The resident of [resident-sim]: answers at once, speaks (rec-01), then keys 5. */
    public static Resident speakingResident() {
        return new Resident("s", Behaviour.ANSWER, Duration.ZERO, 0, Optional.empty(),
                List.of(new Answer("q1", AudioClip.classpath("audio/resident-answer.wav"), "5")));
    }

    public static PbxConfig.Builder config(int agiPort, double timeScale) {
        String agi = "agi://127.0.0.1:" + agiPort;
        Resident sim = speakingResident();
        Resident up = Resident.of("s", Behaviour.SILENT).hangingUpAfter(Duration.ofSeconds(20));
        Dialplan dialplan = new Dialplan(
                Map.of("survey", Context.of(App.noOp("survey start ${CHANNEL} uid=${UNIQUEID}"),
                                App.agi(URI.create(agi + "/survey")), App.noOp("survey AGI done AGISTATUS=${AGISTATUS}"),
                                App.hangup()),
                        "trivial", Context.of(App.playback("beep"), App.hangup()),
                        "trivial-agi", Context.of(App.agi(URI.create(agi + "/trivial")), App.hangup()),
                        "xref-agi", Context.of(new App("AGI", agi + "/${EXTEN}"),
                                App.log("NOTICE", "XREF-AGI-DONE script=${EXTEN} AGISTATUS=${AGISTATUS}"), App.hangup()),
                        "xref-hold", Context.of(App.waitSeconds(20), App.hangup())),
                Map.of("resident-sim", sim,
                        "resident-ring-answer", sim.ringingFor(Duration.ofSeconds(3)),
                        "resident-hangup-early", sim.hangingUpAtQuestion(1),
                        // The reference resident-quick hangs up after 2 s, but in every transcript the survey side
                        // ends first; a longer time keeps that order however slow the test machine is.
                        "resident-quick", Resident.of("s", Behaviour.ANSWER).hangingUpAfter(Duration.ofSeconds(60)),
                        "resident-busy", Resident.of("s", Behaviour.BUSY),
                        "resident-noanswer", Resident.of("s", Behaviour.NO_ANSWER),
                        "resident-congestion", Resident.of("s", Behaviour.CONGESTION),
                        "resident-reject", Resident.of("s", Behaviour.REJECTED)),
                Set.of("residents"), Set.of())
                .withResidentExtension("xref-far", "reject21", Resident.of("reject21", Behaviour.REJECTED))
                .withResidentExtension("xref-far", "hangup20", Resident.of("hangup20", Behaviour.ABSENT))
                .withResidentExtension("xref-far", "hangup1", Resident.of("hangup1", Behaviour.UNALLOCATED))
                .withResidentExtension("xref-far", "busy", Resident.of("busy", Behaviour.BUSY))
                .withResidentExtension("xref-far", "congestion", Resident.of("congestion", Behaviour.CONGESTION))
                .withResidentExtension("xref-far", "ring", Resident.of("ring", Behaviour.NO_ANSWER))
                .withResidentExtension("xref-far", "up", up)
                .withResidentExtension("xref-far", "dtmf1", Resident.of("dtmf1", Behaviour.KEYPAD_ONLY)
                        .withAnswers(List.of(new Answer("q1", null, "1"))))
                .withResidentExtension("xref-far", "hang05", Resident.of("hang05", Behaviour.ANSWER)
                        .hangingUpAfter(Duration.ofMillis(500)))
                .withResidentExtension("xref-far", "human", Resident.of("human", Behaviour.ANSWER))
                .withResidentExtension("xref-far", "machine", Resident.of("machine", Behaviour.MACHINE));
        return PbxConfig.builder()
                .timeScale(timeScale)
                .dialplan(dialplan)
                .failureOrder(FailureEventOrder.RESPONSE_BEFORE_CALLER_HANGUP)
                .residents(ResidentDirectory.of(List.of(Resident.of("5551002", Behaviour.BUSY))));
    }
}
