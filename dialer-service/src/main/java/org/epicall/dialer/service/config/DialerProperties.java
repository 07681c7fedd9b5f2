package org.epicall.dialer.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.KafkaSecurity;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a dialer service, under {@code epicall.dialer}: from {@code epicall-dialer.yaml} (beside
 * the process, or the file given to {@code epicall dialer --config}) and environment variables such as
 * {@code EPICALL_DIALER_SERVERS_0_SECRET}, which win over the file. A key the dialer does not know,
 * or a value it cannot use, stops it at start with the key named.
 *
 * @param servers         the Asterisk servers this node dials through (at least one)
 * @param agi             the FastAGI server Asterisk sends answered calls to
 * @param recordingsDir   where answers are recorded: the directory Asterisk's {@code RECORD FILE} writes
 *                        to, at the same path on both sides (a shared volume); this node must write there too
 * @param recordingsRetention how long a recorded answer is kept after it was written; older ones are
 *                        deleted (at start, then hourly). At least an hour
 * @param ledgerDir       this node's dial ledger (never dial an attempt twice, across restarts)
 * @param outboxDir       this node's results until Kafka has acknowledged them
 * @param callsPerSecond  originates per second this node places, over all its servers
 * @param ringTimeout     how long a call may ring before it counts as not answered
 * @param maxQueued       dial requests waiting for their turn beyond which the node takes no more
 * @param shutdownGrace   on SIGTERM, how long calls in progress may take to finish before the rest are
 *                        reported and handed back to the campaign
 * @param kafka           the cluster and the consumer group
 * @param speech          the languages whose recognition models load at start
 */
@Validated
@ConfigurationProperties(prefix = "epicall.dialer", ignoreUnknownFields = false)
public record DialerProperties(
        @NotEmpty(message = "name at least one Asterisk server (servers[0].host, .username, .secret, .dial-template)")
        List<@Valid @NotNull AsteriskServer> servers,
        @Valid @NotNull @DefaultValue Agi agi,
        @NotNull @DefaultValue("./data/dialer/recordings") Path recordingsDir,
        @NotNull @DurationMin(hours = 1, message = "must be at least an hour (officials listen to recordings when"
                + " they call residents back), e.g. 30d")
        @DefaultValue("30d") Duration recordingsRetention,
        @NotNull @DefaultValue("./data/dialer/ledger") Path ledgerDir,
        @NotNull @DefaultValue("./data/dialer/outbox") Path outboxDir,
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 calls per second")
        @DecimalMax(value = "5000", message = "must be at most 5000 calls per second")
        @DefaultValue("10") double callsPerSecond,
        @NotNull @DefaultValue("30s") Duration ringTimeout,
        @Min(1) @DefaultValue("100000") int maxQueued,
        @NotNull @DefaultValue("60s") Duration shutdownGrace,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue Speech speech) {

    public DialerProperties {
        servers = servers == null ? List.of() : List.copyOf(servers);
    }

    /**
     * One Asterisk server.
     *
     * @param name         unique name, reported in each attempt's {@code server}; defaults to the host
     * @param host         host name or address of its AMI
     * @param amiPort      AMI port ({@code manager.conf}, Asterisk's default 5038)
     * @param username     AMI user ({@code read = call,agi}, {@code write = originate})
     * @param secret       its secret
     * @param maxChannels  concurrent calls this node may place on the server
     * @param trunk        the trunk its calls leave on; defaults to the name
     * @param dialTemplate Originate channel with {@code {digits}} or {@code {number}}, e.g. {@code PJSIP/{digits}@carrier}
     * @param context      dialplan context whose {@code s} extension runs {@code AGI(${EPICALL_AGI})}
     * @param callerId     caller id residents see
     */
    public record AsteriskServer(
            String name,
            @NotBlank(message = "set the host name or address of the Asterisk server's AMI") String host,
            @Min(1) @Max(65_535) @DefaultValue("5038") int amiPort,
            @NotBlank(message = "set the AMI user from manager.conf") String username,
            @NotBlank(message = "set the AMI user's secret from manager.conf") String secret,
            @Min(1) @Max(100_000) @DefaultValue("100") int maxChannels,
            String trunk,
            @NotBlank(message = "set the Originate channel, e.g. PJSIP/{digits}@carrier")
            @Pattern(regexp = ".*\\{(digits|number)\\}.*",
                    message = "must contain {digits} or {number}, where the resident's number goes, e.g. PJSIP/{digits}@carrier")
            String dialTemplate,
            @NotBlank @DefaultValue("survey") String context,
            @NotBlank @DefaultValue("\"epicall\" <1000>") String callerId) {

        public AsteriskServer {
            name = name == null || name.isBlank() ? host : name;
            trunk = trunk == null || trunk.isBlank() ? name : trunk;
        }
    }

    /**
     * The FastAGI survey server.
     *
     * @param bindAddress    address to listen on ({@code 0.0.0.0}: all)
     * @param port           port Asterisk connects to; 0 picks a free one (each call names the port it got,
     *                       so this suits a dialplan running {@code AGI(${EPICALL_AGI})})
     * @param advertisedHost host Asterisk uses to reach this node; empty: the bind address, or this
     *                       machine's address when bound to all. Each call tells Asterisk this address
     *                       ({@code EPICALL_AGI}), so several nodes can share one Asterisk server
     */
    public record Agi(
            @NotBlank @DefaultValue("0.0.0.0") String bindAddress,
            @Min(0) @Max(65_535) @DefaultValue("4573") int port,
            @DefaultValue("") String advertisedHost) {
    }

    /**
     * The Kafka cluster.
     *
     * @param bootstrapServers {@code host:port,…} of the brokers; required (a dialer never runs a broker itself)
     * @param consumerGroup    consumer group of the dial requests: every node of one deployment the same
     * @param security         how the node authenticates to the cluster and encrypts what it sends
     *                         ({@code .protocol}, {@code .username}, {@code .password}, {@code .truststore}, ...)
     */
    public record Kafka(
            @NotBlank(message = "set host:port of your Kafka brokers (a dialer never starts a broker of its own)")
            String bootstrapServers,
            @NotBlank @DefaultValue("epicall-dialers") String consumerGroup,
            @DefaultValue KafkaSecurity security) {

        /** The cluster as every Kafka client of the node reaches it. */
        public KafkaConnection connection() {
            return new KafkaConnection(bootstrapServers, security);
        }
    }

    /**
     * Speech recognition. The model of each language is found as {@code epicall.speech.models.<lang>.path}
     * (or {@code EPICALL_SPEECH_MODELS_<LANG>_PATH}) says, else in the model cache.
     *
     * @param languages          languages whose models load at start; a call in another language is refused
     * @param recognitionThreads decoding threads; 0 means one per core
     */
    public record Speech(
            @NotEmpty @DefaultValue("ko") List<@Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as ko") String> languages,
            @Min(0) @Max(256) @DefaultValue("0") int recognitionThreads) {

        public Speech {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }
}
