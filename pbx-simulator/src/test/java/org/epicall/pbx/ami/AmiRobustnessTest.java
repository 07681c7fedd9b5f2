package org.epicall.pbx.ami;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.support.AmiTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Logins, permissions, and garbage on the AMI socket: the server answers as Asterisk does and never dies. */
class AmiRobustnessTest {

    private PbxSimulator pbx;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.start(PbxConfig.builder().timeScale(20).build());
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void shouldRejectAWrongSecretThenCloseTheConnection() throws Exception {
        try (AmiTestClient client = AmiTestClient.connect(pbx.amiPort())) {
            client.send("Action: Login", "ActionID: l1", "Username: dialer", "Secret: wrong");

            assertThat(client.next()).containsExactly(Map.entry("Response", "Error"), Map.entry("ActionID", "l1"),
                    Map.entry("Message", "Authentication failed"));
            client.awaitClosedByServer();
        }
    }

    @Test
    void shouldLogInWithAChallengeAndMd5Key() throws Exception {
        try (AmiTestClient client = AmiTestClient.connect(pbx.amiPort())) {
            client.send("Action: Challenge", "ActionID: c1", "AuthType: MD5");
            String challenge = client.awaitResponse("c1").get("Challenge");
            client.send("Action: Login", "ActionID: l1", "Username: dialer", "AuthType: MD5",
                    "Key: " + AmiActions.md5(challenge + "secret"));

            assertThat(client.awaitResponse("l1")).containsEntry("Message", "Authentication accepted");
            assertThat(client.awaitEvent("FullyBooted")).containsEntry("Privilege", "system,all");
        }
    }

    @Test
    void shouldRejectAWrongMd5Key() throws Exception {
        try (AmiTestClient client = AmiTestClient.connect(pbx.amiPort())) {
            client.send("Action: Challenge", "ActionID: c1", "AuthType: MD5");
            client.awaitResponse("c1");
            client.send("Action: Login", "ActionID: l1", "Username: dialer", "AuthType: MD5", "Key: 0123456789abcdef");

            assertThat(client.awaitResponse("l1")).containsEntry("Message", "Authentication failed");
            client.awaitClosedByServer();
        }
    }

    @Test
    void shouldRefuseActionsBeforeLogin() throws Exception {
        try (AmiTestClient client = AmiTestClient.connect(pbx.amiPort())) {
            client.send("Action: Originate", "ActionID: o1", "Channel: Local/1@residents", "Application: Wait");

            assertThat(client.awaitResponse("o1")).containsEntry("Response", "Error")
                    .containsEntry("Message", "Permission denied");
        }
    }

    @Test
    void shouldAnswerGarbageWithMissingActionAndKeepServing() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", false)) {
            client.sendRaw("this is not a header\r\n\u0000\u0001\u00ff junk\r\n\r\n");
            assertThat(client.awaitMessage(m -> "Missing action in request".equals(m.get("Message"))))
                    .containsEntry("Response", "Error");

            client.sendRaw("Action: Ping\nActionID: lf-only\n\n");
            assertThat(client.awaitResponse("lf-only")).containsEntry("Ping", "Pong");

            client.sendRaw("X-Long: " + "x".repeat(5000) + "\r\nAction: Ping\r\nActionID: after-long\r\n\r\n");
            assertThat(client.awaitResponse("after-long")).containsEntry("Ping", "Pong");
        }
    }

    @Test
    void shouldSurviveHalfLinesRandomBytesAndAbruptDisconnects() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            try (AmiTestClient garbage = AmiTestClient.connect(pbx.amiPort())) {
                byte[] bytes = new byte[random.nextInt(4000)];
                random.nextBytes(bytes);
                garbage.sendBytes(bytes);
                garbage.sendRaw("Action: Log");
            }
        }

        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", false)) {
            client.send("Action: Ping", "ActionID: still-alive");
            assertThat(client.awaitResponse("still-alive")).containsEntry("Response", "Success");
        }
    }

    @Test
    void shouldDenyCommandButAllowOriginateToTheMinimalUser() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer-min", "secret", true)) {
            client.send("Action: Command", "ActionID: cmd", "Command: core show version");
            client.send("Action: Originate", "ActionID: o1", "Channel: PJSIP/1000", "Context: survey", "Exten: s",
                    "Priority: 1", "Async: true");

            assertThat(client.awaitResponse("cmd")).containsEntry("Message", "Permission denied");
            assertThat(client.awaitResponse("o1")).containsEntry("Message", "Originate successfully queued");
            assertThat(client.awaitEvent("OriginateResponse")).containsEntry("Reason", "0");
            assertThat(client.events("FullyBooted")).as("system events are not readable").isEmpty();
        }
    }

    @Test
    void shouldReportMissingOriginateFields() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", false)) {
            client.send("Action: Originate", "ActionID: a", "Context: survey", "Exten: s", "Priority: 1");
            client.send("Action: Originate", "ActionID: b", "Channel: Local/1@residents");
            client.send("Action: Originate", "ActionID: c", "Channel: Local/1@residents", "Context: survey",
                    "Exten: s", "Priority: first");
            client.send("Action: NoSuchAction", "ActionID: d");

            assertThat(client.awaitResponse("a")).containsEntry("Message", "Channel not specified");
            assertThat(client.awaitResponse("b"))
                    .containsEntry("Message", "Originate with 'Exten' requires 'Context' and 'Priority'");
            assertThat(client.awaitResponse("c")).containsEntry("Message", "Invalid priority");
            assertThat(client.awaitResponse("d")).containsEntry("Message",
                    "Invalid/unknown command: NoSuchAction. Use Action: ListCommands to show available commands.");
        }
    }

    @Test
    void shouldSayGoodbyeAndCloseOnLogoff() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", false)) {
            client.send("Action: Logoff", "ActionID: bye");

            assertThat(client.awaitResponse("bye")).containsEntry("Response", "Goodbye")
                    .containsEntry("Message", "Thanks for all the fish.");
            client.awaitClosedByServer();
        }
    }
}
