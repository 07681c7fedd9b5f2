package org.epicall.kafka.embedded.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server properties of a single-node KRaft broker that is its own controller. */
public final class BrokerProperties {

    public static final int NODE_ID = 1;
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerProperties() {
    }

    /**
     * @param clientProtocol the client listener's security protocol, which is also its name
     */
    public static Map<String, String> combined(Path logDirectory, int clientPort, int controllerPort,
                                               String clientProtocol, Map<String, String> overrides) {
        var props = new LinkedHashMap<String, String>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        // A static one-voter quorum: the voter set lives in the config, so a restart needs no
        // re-formatting and could even move the controller to another port.
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", clientProtocol + "://localhost:" + clientPort + ","
                + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", clientProtocol + "://localhost:" + clientPort);
        props.put("listener.security.protocol.map", clientProtocol + ":" + clientProtocol + ","
                + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", clientProtocol);
        props.put("log.dirs", logDirectory.toString());
        // Topics are created on purpose, with their partition counts, never by a typo in a client.
        props.put("auto.create.topics.enable", "false");
        // One node: every internal topic can only have one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        // The default 50 offsets partitions cost seconds of start-up and first-join time for nothing here.
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.putAll(overrides);
        return props;
    }
}
