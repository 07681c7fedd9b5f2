package org.epicall.pbx.support;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.audio.AudioClip;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.resident.Answer;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator configured like the reference Asterisk (config/extensions.conf and manager.conf): the same
 * survey contexts and the same resident contexts, so the transcripts' Originates mean the same thing.
 */
public final class ReferencePbx {

    private ReferencePbx() {
    }

    /** The resident of [resident-sim]: answers at once, speaks (rec-01), then keys 5. */
    public static Resident speakingResident() {
        return new Resident("s", Behaviour.ANSWER, Duration.ZERO, 0, java.util.Optional.empty(),
                List.of(new Answer("q1", AudioClip.classpath("audio/resident-answer.wav"), "5")));
    }

    public static PbxConfig.Builder config(int agiPort, double timeScale) {
        URI agi = URI.create("agi://127.0.0.1:" + agiPort);
        Resident sim = speakingResident();
        Dialplan dialplan = new Dialplan(
                Map.of("survey", new Dialplan.Agi(URI.create(agi + "/survey"), 2),
                        "trivial", new Dialplan.Playback(Duration.ofMillis(425)),
                        "trivial-agi", new Dialplan.Agi(URI.create(agi + "/trivial"), 1)),
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
                Set.of("residents"), Set.of());
        return PbxConfig.builder()
                .timeScale(timeScale)
                .dialplan(dialplan)
                .residents(ResidentDirectory.of(List.of(Resident.of("5551002", Behaviour.BUSY))));
    }
}
