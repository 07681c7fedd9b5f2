package org.epicall.dialer.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import org.epicall.dialer.support.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asterisk-java's default pool closes connections past 500 concurrent sessions, and Asterisk then
 * carries on as if the script had run. Every session must be served, however many are open.
 */
class AgiCapacityTest {

    private static final int SESSIONS = 700;

    @TempDir
    Path dir;
    private SurveyAgiServer server;
    private int port;

    @BeforeEach
    void start() {
        port = Ports.free();
        server = new SurveyAgiServer(AgiConfig.defaults(dir).withEndpoint("127.0.0.1", port), new RecordingRegistry(),
                new FixedSurveyScripts(List.of()), InstantSource.system());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldServeMoreConcurrentSessionsThanAsteriskJavasDefaultPoolMaximum() throws IOException {
        List<RawAgiPeer> peers = new ArrayList<>();
        try {
            for (int i = 0; i < SESSIONS; i++) {
                RawAgiPeer peer = new RawAgiPeer(port);
                peers.add(peer);
                peer.sendEnvironment("survey");
            }
            // every session is held open, waiting for its first reply, while all the others start
            int served = 0;
            for (RawAgiPeer peer : peers) {
                if ("GET VARIABLE \"EPICALL_ATTEMPT\"".equals(peer.command())) {
                    served++;
                }
            }
            assertThat(served).isEqualTo(SESSIONS);
            assertThat(server.activeSessions()).isEqualTo(SESSIONS);
        } finally {
            for (RawAgiPeer peer : peers) {
                peer.close();
            }
        }
    }
}
