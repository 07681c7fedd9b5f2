package org.epicall.pbx.ami;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dialer drives the simulator with asterisk-java: its Challenge/MD5 login and async Originate must work. */
class AsteriskJavaCompatibilityTest {

    private PbxSimulator pbx;
    private ManagerConnection connection;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.start(PbxConfig.builder().timeScale(50)
                .residents(ResidentDirectory.of(List.of(Resident.of("+41790000002", Behaviour.BUSY))))
                .build());
        connection = new ManagerConnectionFactory("127.0.0.1", pbx.amiPort(), "dialer", "secret")
                .createManagerConnection();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.logoff();
        }
        pbx.close();
    }

    @Test
    void shouldLogInWithChallengeAndDetectAsterisk22() throws Exception {
        connection.login();

        assertThat(connection.getVersion().toString()).contains("22");
        ManagerResponse pong = connection.sendAction(new PingAction());
        assertThat(pong.getResponse()).isEqualTo("Success");
    }

    @Test
    void shouldDeliverOriginateResponseCorrelatedByChannelId() throws Exception {
        List<OriginateResponseEvent> responses = new CopyOnWriteArrayList<>();
        connection.addEventListener(event -> {
            if (event instanceof OriginateResponseEvent response) {
                responses.add(response);
            }
        });
        connection.login();
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/+41790000002@residents");
        originate.setContext("survey");
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(15000L);
        originate.setAsync(true);
        originate.setChannelId("attempt-42");
        originate.setActionId("attempt-42");

        ManagerResponse queued = connection.sendAction(originate);

        assertThat(queued.getMessage()).isEqualTo("Originate successfully queued");
        await().until(() -> !responses.isEmpty());
        assertThat(responses.getFirst().getReason()).isEqualTo(5);
        assertThat(responses.getFirst().getUniqueId()).isEqualTo("attempt-42");
        assertThat(responses.getFirst().getActionId()).isEqualTo("attempt-42");
    }
}
