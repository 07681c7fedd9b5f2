package org.epicall.pbx.agi;

import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.LiveCall;
import org.epicall.pbx.call.SurveyRunner;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts a FastAGI session on a virtual thread for each answered call whose context runs AGI. Thread-safe. */
public final class AgiSurveyRunner implements SurveyRunner {

    private final AgiSettings settings;
    private final Prompts prompts;
    private final AtomicInteger live = new AtomicInteger();

    public AgiSurveyRunner(AgiSettings settings) {
        this.settings = settings;
        this.prompts = new Prompts(settings.soundsDirectory(), settings.promptDuration());
    }

    /** Sessions connected to the FastAGI server and not yet closed. */
    public int liveSessions() {
        return live.get();
    }

    @Override
    public void start(LiveCall call, Dialplan.Agi step) {
        AgiSession session = new AgiSession(call, step, settings, prompts, live);
        Thread.ofVirtual().name("agi-" + call.channel().uniqueid()).start(session::run);
    }
}
