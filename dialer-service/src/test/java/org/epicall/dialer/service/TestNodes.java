package org.epicall.dialer.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.epicall.dialer.DialerConfig;
import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.TopicAdministration;

/** A dialer node on the PBX simulator and an in-process broker with the epicall topics, for these tests. */
final class TestNodes {

    /** Partitions per topic: a few, so that two nodes in the group can share them. */
    static final int PARTITIONS = 3;

    private TestNodes() {
    }

    /** The simulator's minimal-rights AMI user, its dialplan, FastAGI on localhost. */
    static DialerConfig config(Path directory, int agiPort, int amiPort, double callsPerSecond, int maxChannels) {
        AmiServerConfig pbx = AmiServerConfig.of("pbx-sim", "127.0.0.1", amiPort, "dialer-min", "secret", maxChannels,
                "Local/{number}@residents");
        Path recordings = directory.resolve("recordings");
        return DialerConfig.defaults(List.of(pbx), directory.resolve("dial-ledger.log"), recordings)
                .withCallsPerSecond(callsPerSecond)
                .withAgi(AgiConfig.defaults(recordings).withEndpoint("127.0.0.1", agiPort));
    }

    static EmbeddedKafkaBroker kafka(Path dataDirectory) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaSettings(dataDirectory, 0,
                Map.of("num.partitions", Integer.toString(PARTITIONS))));
        if (!TopicAdministration.ensureTopics(broker.bootstrapServers(), PARTITIONS, (short) 1)) {
            broker.close();
            throw new IllegalStateException("the test broker did not create the epicall topics");
        }
        return broker;
    }
}
