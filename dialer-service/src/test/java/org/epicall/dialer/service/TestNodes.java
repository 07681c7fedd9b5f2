package org.epicall.dialer.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.epicall.dialer.DialerConfig;
import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.TopicAdministration;
import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.call.Dialplan;

/** A dialer node on the PBX simulator and an in-process broker with the epicall topics, for these tests. */
final class TestNodes {

    /** Partitions per topic: a few, so that two nodes in the group can share them. */
    static final int PARTITIONS = 3;

    private TestNodes() {
    }

    /**
     * The simulator's minimal-rights AMI user, its dialplan, FastAGI on a free port of localhost (each call
     * names it, for a simulator from {@link #pbx()}).
     */
    static DialerConfig config(Path directory, int amiPort, double callsPerSecond, int maxChannels) {
        AmiServerConfig pbx = AmiServerConfig.of("pbx-sim", "127.0.0.1", amiPort, "dialer-min", "secret", maxChannels,
                "Local/{number}@residents");
        Path recordings = directory.resolve("recordings");
        return DialerConfig.defaults(List.of(pbx), directory.resolve("dial-ledger.log"), recordings)
                .withCallsPerSecond(callsPerSecond)
                .withAgi(AgiConfig.defaults(recordings).withEndpoint("127.0.0.1", 0));
    }

    /**
     * The settings of a dialer service ({@code epicall dialer}) on the simulator's minimal-rights AMI user,
     * keeping everything under {@code directory}; HTTP and FastAGI on free ports, no shutdown grace.
     */
    static List<String> settings(Path directory, int amiPort, String bootstrapServers) {
        return List.of(
                "--server.port=0",
                "--epicall.dialer.servers[0].name=pbx-sim",
                "--epicall.dialer.servers[0].host=127.0.0.1",
                "--epicall.dialer.servers[0].ami-port=" + amiPort,
                "--epicall.dialer.servers[0].username=dialer-min",
                "--epicall.dialer.servers[0].secret=secret",
                "--epicall.dialer.servers[0].dial-template=Local/{number}@residents",
                "--epicall.dialer.agi.bind-address=127.0.0.1",
                "--epicall.dialer.agi.port=0",
                "--epicall.dialer.recordings-dir=" + directory.resolve("recordings"),
                "--epicall.dialer.ledger-dir=" + directory.resolve("ledger"),
                "--epicall.dialer.outbox-dir=" + directory.resolve("outbox"),
                "--epicall.dialer.calls-per-second=50",
                "--epicall.dialer.shutdown-grace=0s",
                "--epicall.dialer.kafka.bootstrap-servers=" + bootstrapServers);
    }

    /**
     * A simulator whose survey context runs {@code AGI(${EPICALL_AGI})}, as deploy/asterisk does: an answered
     * call reaches whichever node placed it, on the port that node bound.
     */
    static PbxConfig.Builder pbx() {
        return PbxConfig.builder().dialplan(Dialplan.survey("${" + AgiConfig.URL_VARIABLE + "}"));
    }

    /** A local port nobody listens on (yet): for a server that is down, or comes up there later. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EmbeddedKafkaBroker kafka(Path dataDirectory) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaSettings(dataDirectory, 0,
                Map.of("num.partitions", Integer.toString(PARTITIONS))));
        if (!TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), PARTITIONS, (short) 1)) {
            broker.close();
            throw new IllegalStateException("the test broker did not create the epicall topics");
        }
        return broker;
    }
}
