package org.epicall.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How epicall's Kafka clients prove who they are and protect what they send: the one set of security
 * settings every producer, consumer and admin client of a process is built with. Bound from
 * {@code epicall.kafka.security.*} (campaign service) and {@code epicall.dialer.kafka.security.*}
 * (dialer), or read from a Kafka client properties file by the command-line tools. Checked when made:
 * settings that contradict each other, or a truststore that cannot be read, are refused with the
 * setting named.
 *
 * @param protocol           {@code PLAINTEXT} (default: a private network only), {@code SSL},
 *                           {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param saslMechanism      with SASL: {@code SCRAM-SHA-512} (default), {@code SCRAM-SHA-256}, {@code PLAIN},
 *                           or another the broker offers (then give {@code jaasConfig})
 * @param username           with SASL and a SCRAM or PLAIN mechanism: the Kafka user
 * @param password           its password; never printed
 * @param jaasConfig         instead of username and password: the whole {@code sasl.jaas.config}; never printed
 * @param truststore         with SSL or SASL_SSL: the certificates the broker's is checked against (PKCS12
 *                           or JKS); empty means the JVM's default trust store
 * @param truststorePassword the truststore's password, if it has one; never printed
 * @param truststoreType     {@code PKCS12} or {@code JKS}; empty means Kafka's default, which reads both
 */
public record KafkaSecurity(
        SecurityProtocol protocol,
        String saslMechanism,
        String username,
        String password,
        String jaasConfig,
        Path truststore,
        String truststorePassword,
        String truststoreType) {

    /** No authentication, no encryption: the embedded broker, and brokers on a private network. */
    public static final KafkaSecurity PLAINTEXT = new KafkaSecurity(null, null, null, null, null, null, null, null);

    private static final String DEFAULT_MECHANISM = "SCRAM-SHA-512";
    private static final Set<String> USER_PASSWORD_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    /** The client properties {@link #fromClientProperties} understands. */
    private static final Set<String> CLIENT_KEYS = Set.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            SaslConfigs.SASL_MECHANISM, SaslConfigs.SASL_JAAS_CONFIG, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
            SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG);

    /**
     * @throws IllegalArgumentException naming the setting, when settings contradict each other or the
     *                                  truststore cannot be read
     */
    public KafkaSecurity {
        protocol = protocol == null ? SecurityProtocol.PLAINTEXT : protocol;
        saslMechanism = blankToNull(saslMechanism);
        username = blankToNull(username);
        password = emptyToNull(password);
        jaasConfig = blankToNull(jaasConfig);
        truststorePassword = emptyToNull(truststorePassword);
        truststoreType = blankToNull(truststoreType);
        boolean sasl = protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL;
        boolean tls = protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL;
        if (sasl) {
            saslMechanism = saslMechanism == null ? DEFAULT_MECHANISM : saslMechanism.toUpperCase(Locale.ROOT);
            checkCredentials(saslMechanism, username, password, jaasConfig);
        } else if (saslMechanism != null || username != null || password != null || jaasConfig != null) {
            throw new IllegalArgumentException("sasl-mechanism, username, password and jaas-config are used only with"
                    + " protocol SASL_SSL or SASL_PLAINTEXT, and protocol is " + protocol
                    + ": set protocol, or remove the credentials");
        }
        if (!tls && (truststore != null || truststorePassword != null || truststoreType != null)) {
            throw new IllegalArgumentException("truststore, truststore-password and truststore-type are used only with"
                    + " protocol SASL_SSL or SSL, and protocol is " + protocol + ": set protocol, or remove them");
        }
        if (truststore != null && !Files.isReadable(truststore)) {
            throw new IllegalArgumentException("truststore " + truststore.toAbsolutePath() + " cannot be read by user '"
                    + System.getProperty("user.name") + "': point it at the PKCS12 or JKS file with the broker's"
                    + " certificate (or the authority that signed it)");
        }
    }

    private static void checkCredentials(String mechanism, String username, String password, String jaasConfig) {
        if (jaasConfig != null) {
            if (username != null || password != null) {
                throw new IllegalArgumentException("give username and password, or jaas-config, not both");
            }
            return;
        }
        if (!USER_PASSWORD_MECHANISMS.contains(mechanism)) {
            throw new IllegalArgumentException("sasl-mechanism " + mechanism + " needs jaas-config (username and password"
                    + " serve only " + new TreeSet<>(USER_PASSWORD_MECHANISMS) + ")");
        }
        if (username == null || password == null) {
            throw new IllegalArgumentException("protocol SASL with " + mechanism + " needs username and password"
                    + " (or jaas-config): set " + (username == null ? "username" : "password"));
        }
    }

    /**
     * The security settings in a Kafka client properties file, as {@code kafka-console-consumer
     * --consumer.config} reads it: {@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config} and {@code ssl.truststore.location|password|type}.
     *
     * @param source names the file in messages
     * @throws IllegalArgumentException naming the file, for a key that is not one of these (so that
     *                                  nothing given is silently left out) or settings that contradict
     */
    public static KafkaSecurity fromClientProperties(Properties properties, String source) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(CLIENT_KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + unknown + " not read by epicall; it reads only "
                    + new TreeSet<>(CLIENT_KEYS));
        }
        String protocol = blankToNull(properties.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
        String truststore = blankToNull(properties.getProperty(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG));
        try {
            return new KafkaSecurity(protocol == null ? null : SecurityProtocol.forName(protocol.toUpperCase(Locale.ROOT)),
                    properties.getProperty(SaslConfigs.SASL_MECHANISM), null, null,
                    properties.getProperty(SaslConfigs.SASL_JAAS_CONFIG),
                    truststore == null ? null : Path.of(truststore),
                    properties.getProperty(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG),
                    properties.getProperty(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** The properties that carry these settings to a Kafka client. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name);
        if (saslMechanism != null) {
            props.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            props.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig != null ? jaasConfig : jaas(saslMechanism, username, password));
        }
        if (truststore != null) {
            props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toAbsolutePath().toString());
            if (truststorePassword != null) {
                props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            }
            if (truststoreType != null) {
                props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
            }
        }
        return props;
    }

    /** Who the clients are, for messages: the user, or the protocol alone. */
    public String principal() {
        return username != null ? "user '" + username + "'" : jaasConfig != null ? "the configured JAAS login" : "no user";
    }

    private static String jaas(String mechanism, String username, String password) {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
    }

    /** JAAS values are double-quoted strings in which {@code \} and {@code "} are escaped. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Passwords are taken as given, spaces and all. */
    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Passwords and the JAAS login stay out, so these settings can be logged. */
    @Override
    public String toString() {
        return "KafkaSecurity[protocol=" + protocol + (saslMechanism == null ? "" : ", saslMechanism=" + saslMechanism)
                + (username == null ? "" : ", username=" + username) + (password == null ? "" : ", password=****")
                + (jaasConfig == null ? "" : ", jaasConfig=****") + (truststore == null ? "" : ", truststore=" + truststore)
                + (truststorePassword == null ? "" : ", truststorePassword=****")
                + (truststoreType == null ? "" : ", truststoreType=" + truststoreType) + "]";
    }
}
