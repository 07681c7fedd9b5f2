package org.epicall.dialer.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyAgiServerTest {

    @TempDir
    Path dir;

    @Test
    void listensOnThePortTheSystemChoseWhenConfiguredWithPortZero() throws IOException {
        try (SurveyAgiServer server = server(0)) {
            server.start();

            assertThat(server.port()).isPositive();
            try (Socket peer = new Socket("127.0.0.1", server.port())) {
                assertThat(peer.isConnected()).isTrue();
            }
        }
    }

    @Test
    void refusesToStartOnAPortAnotherServerHoldsAndNamesIt() {
        try (SurveyAgiServer first = server(0)) {
            first.start();
            try (SurveyAgiServer second = server(first.port())) {
                assertThatThrownBy(second::start)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("127.0.0.1:" + first.port());
            }
        }
    }

    private SurveyAgiServer server(int port) {
        return new SurveyAgiServer(AgiConfig.defaults(dir).withEndpoint("127.0.0.1", port), new RecordingRegistry(),
                new FixedSurveyScripts(List.of()), InstantSource.system());
    }
}
