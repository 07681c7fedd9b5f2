package org.epicall.dialer.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A FastAGI peer that sends garbage or breaks off mid-line: the session ends with a survey, the server lives on. */
class AgiGarbageTest {

    @TempDir
    Path dir;
    private final RecordingRegistry registry = new RecordingRegistry();
    /** The questionnaire the next session runs; none by default. */
    private volatile SurveyScripts scripts = new FixedSurveyScripts(List.of());
    private SurveyAgiServer server;
    private int port;

    @BeforeEach
    void start() {
        AgiConfig config = AgiConfig.defaults(dir).withEndpoint("127.0.0.1", 0);
        server = new SurveyAgiServer(config, registry, (questionnaire, language) -> scripts.open(questionnaire, language),
                InstantSource.system());
        server.start();
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldEndTheSurveyPartialWhenThePeerAnswersGarbageAndBreaksOffMidLine() throws IOException {
        scripts = (questionnaire, language) -> new FakeScript();
        registry.expect("att-garbage");
        try (RawAgiPeer peer = new RawAgiPeer(port)) {
            peer.sendEnvironment("survey");
            assertThat(peer.command()).isEqualTo("GET VARIABLE \"EPICALL_ATTEMPT\"");
            peer.send("200 result=1 (att-garbage)\n");
            assertThat(peer.command()).startsWith("GET FULL VARIABLE");
            peer.send("200 result=1 (/)\n");
            assertThat(peer.command()).isEqualTo("ANSWER");
            peer.send("\u0000\u00ff garbage without a status code\n");
            peer.send("200 res");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> registry.surveys().size() == 1);
        assertThat(registry.surveys().getFirst().attemptId()).isEqualTo("att-garbage");
        assertThat(registry.surveys().getFirst().status()).isEqualTo(SurveyStatus.PARTIAL);
    }

    @Test
    void shouldServeTheNextCallAfterABrokenSession() throws IOException {
        registry.expect("att-broken");
        try (RawAgiPeer broken = new RawAgiPeer(port)) {
            broken.sendEnvironment("survey");
            broken.command();
            broken.send("200 result=1 (att-bro");
        }
        registry.expect("att-fine");

        try (RawAgiPeer fine = new RawAgiPeer(port)) {
            fine.sendEnvironment("survey");
            assertThat(fine.command()).isEqualTo("GET VARIABLE \"EPICALL_ATTEMPT\"");
            fine.send("200 result=1 (att-fine)\n");
            assertThat(fine.command()).startsWith("GET FULL VARIABLE");
            fine.send("200 result=1 (/)\n");
            assertThat(fine.command()).isEqualTo("ANSWER");
            fine.send("200 result=0\n");
            assertThat(fine.command()).contains("epicall/camp-test/covid-checkin/ko/intro");
            fine.send("200 result=0 endpos=11234\n");
            assertThat(fine.command()).contains("epicall/camp-test/covid-checkin/ko/thanks");
            fine.send("200 result=0 endpos=7459\n");
            assertThat(fine.command()).isEqualTo("HANGUP");
            fine.send("200 result=1\n");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> registry.surveys().stream()
                .anyMatch(s -> s.attemptId().equals("att-fine")));
        assertThat(registry.surveys()).filteredOn(s -> s.attemptId().equals("att-fine"))
                .singleElement().extracting(s -> s.status()).isEqualTo(SurveyStatus.COMPLETE);
    }

    @Test
    void shouldHangUpWithoutAskingAnythingWhenTheAttemptIsUnknown() throws IOException {
        try (RawAgiPeer peer = new RawAgiPeer(port)) {
            peer.sendEnvironment("survey");
            assertThat(peer.command()).isEqualTo("GET VARIABLE \"EPICALL_ATTEMPT\"");
            peer.send("200 result=1 (nobody-dialed-this)\n");
            assertThat(peer.command()).isEqualTo("HANGUP");
        }
        assertThat(registry.surveys()).isEmpty();
    }
}
