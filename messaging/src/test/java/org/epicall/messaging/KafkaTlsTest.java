package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings.ClientListener;
import org.epicall.messaging.internal.KafkaFailures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka over TLS, as the README says to run it across hosts: a broker whose SASL_SSL listener has a
 * self-signed certificate made by the JDK's keytool, and epicall clients given its certificate as their
 * truststore. A client that does not trust the certificate is refused, and told what to check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTlsTest {

    private static final String STORE_PASSWORD = "test-store-pass";
    private static final String ADMIN_PASSWORD = "admin-tls-secret";

    private EmbeddedKafkaBroker broker;
    private Path truststore;

    @BeforeAll
    void brokerWithASelfSignedCertificate(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("broker.p12");
        truststore = dir.resolve("kafka-ca.p12");
        keytool("-genkeypair", "-alias", "kafka", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        Path certificate = dir.resolve("kafka.crt");
        keytool("-exportcert", "-rfc", "-alias", "kafka", "-keystore", keystore.toString(), "-storepass",
                STORE_PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "kafka-ca", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);

        KafkaSecurity admin = scram("admin", ADMIN_PASSWORD, truststore);
        EmbeddedKafkaSettings settings = EmbeddedKafkaSettings.ephemeral()
                .withClientListener(new ClientListener("SASL_SSL",
                        List.of("SCRAM-SHA-512=[name=admin,password=" + ADMIN_PASSWORD + "]"), admin.clientProperties()))
                .withOverride("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .withOverride("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .withOverride("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                        (String) admin.clientProperties().get("sasl.jaas.config"))
                .withOverride("listener.name.sasl_ssl.ssl.keystore.location", keystore.toString())
                .withOverride("listener.name.sasl_ssl.ssl.keystore.password", STORE_PASSWORD)
                .withOverride("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12")
                .withOverride("listener.name.sasl_ssl.ssl.truststore.location", truststore.toString())
                .withOverride("listener.name.sasl_ssl.ssl.truststore.password", STORE_PASSWORD)
                .withOverride("listener.name.sasl_ssl.ssl.truststore.type", "PKCS12");
        broker = EmbeddedKafkaBroker.start(settings);
        assertThat(TopicAdministration.ensureTopics(connection(admin), 1, (short) 1)).isTrue();
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aClientGivenTheCertificateAsItsTruststorePublishesAndReadsOverTls(@TempDir Path outbox) throws Exception {
        KafkaConnection tls = connection(scram("admin", ADMIN_PASSWORD, truststore));

        try (var results = ResultPublisher.start(tls, outbox, PhoneNumberDisclosure.NEVER);
             var dialRequests = new DialRequestPublisher(tls)) {
            results.sink().surveyFinished(TestEvents.completeSurvey("over-tls"));
            dialRequests.publish(TestEvents.dialRequest("over-tls")).get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> results.pendingCount() == 0);
        }

        assertThat(TopicSnapshot.values(tls, Topics.SURVEY_RESULTS)).extracting(v -> new EventJson().readSurveyResult(v))
                .extracting(SurveyResultEvent::attemptId).contains("over-tls");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedAndToldToCheckItsTruststore() {
        KafkaConnection untrusting = connection(scram("admin", ADMIN_PASSWORD, null));

        assertThatThrownBy(() -> TopicSnapshot.values(untrusting, Topics.SURVEY_RESULTS))
                .isInstanceOf(SslAuthenticationException.class)
                .satisfies(e -> assertThat(KafkaFailures.describe(e, untrusting))
                        .contains("TLS handshake", "truststore"));
    }

    private KafkaConnection connection(KafkaSecurity security) {
        return new KafkaConnection(broker.bootstrapServers(), security);
    }

    private static KafkaSecurity scram(String user, String password, Path truststore) {
        return new KafkaSecurity(SecurityProtocol.SASL_SSL, "SCRAM-SHA-512", user, password, null, truststore,
                truststore == null ? null : STORE_PASSWORD, truststore == null ? null : "PKCS12");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(out).isZero();
    }
}
