package org.epicall.pbx;

import org.epicall.pbx.call.CallEngine;

/** Wires the FastAGI client into the engine. */
final class SurveyRunners {

    private SurveyRunners() {
    }

    static void install(CallEngine engine, PbxConfig config) {
        // FastAGI client comes next; until then an AGI context behaves as an unreachable AGI server (ami-16).
    }
}
