package org.epicall.pbx.agi;

import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.LiveCall;
import org.epicall.pbx.call.SurveyRunner;

/** Starts a FastAGI session on a virtual thread for each answered call whose context runs AGI. Thread-safe. */
public final class AgiSurveyRunner implements SurveyRunner {

    private final AgiSettings settings;
    private final Prompts prompts;

    public AgiSurveyRunner(AgiSettings settings) {
        this.settings = settings;
        this.prompts = new Prompts(settings.soundsDirectory(), settings.promptDuration());
    }

    @Override
    public void start(LiveCall call, Dialplan.Agi step) {
        Thread.ofVirtual().name("agi-" + call.channel().uniqueid()).start(new AgiSession(call, step, settings, prompts)::run);
    }
}
