package org.epicall.pbx.agi;

import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.LiveCall;
import org.epicall.pbx.call.SurveyRunner;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts a FastAGI session on a virtual thread for each answered call whose context runs AGI. Thread-safe. */
public final class AgiSurveyRunner implements SurveyRunner, AutoCloseable {

    private final AgiSettings settings;
    private final AtomicInteger live = new AtomicInteger();
    private final Set<AgiSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public AgiSurveyRunner(AgiSettings settings) {
        this.settings = settings;
    }

    /** Sessions connected to the FastAGI server and not yet closed. */
    public int liveSessions() {
        return live.get();
    }

    @Override
    public void start(LiveCall call, Dialplan.Agi step) {
        AgiSession session = new AgiSession(call, step, settings, live);
        sessions.add(session);
        if (closed) {
            session.close();
        }
        Thread.ofVirtual().name("agi-" + call.channel().uniqueid()).start(() -> {
            try {
                session.run();
            } finally {
                sessions.remove(session);
            }
        });
    }

    /** Closes every FastAGI connection, so the simulator leaves nothing behind when it stops. */
    @Override
    public void close() {
        closed = true;
        sessions.forEach(AgiSession::close);
    }
}
