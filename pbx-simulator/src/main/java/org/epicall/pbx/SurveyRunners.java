package org.epicall.pbx;

import org.epicall.pbx.agi.AgiSettings;
import org.epicall.pbx.agi.AgiSurveyRunner;
import org.epicall.pbx.call.CallEngine;

import java.time.Duration;

/** Wires the FastAGI client into the engine. */
final class SurveyRunners {

    /** How long a simulated resident takes to press a key (simulated time). */
    private static final Duration KEYPRESS = Duration.ofSeconds(1);

    private SurveyRunners() {
    }

    static void install(CallEngine engine, PbxConfig config) {
        engine.surveyRunner(new AgiSurveyRunner(new AgiSettings(config.agiConnectTimeout(), config.soundsDirectory(),
                config.promptDuration(), KEYPRESS)));
    }
}
