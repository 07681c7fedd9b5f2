package org.epicall.dialer.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DialerPropertiesTest {

    private static DialerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("epicall.dialer", DialerProperties.class);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        DialerProperties p = bind(Map.of(
                "epicall.dialer.servers[0].host", "asterisk-1",
                "epicall.dialer.servers[0].username", "epicall",
                "epicall.dialer.servers[0].secret", "s3cret",
                "epicall.dialer.servers[0].dial-template", "PJSIP/{digits}@carrier",
                "epicall.dialer.kafka.bootstrap-servers", "kafka:9092"));

        DialerProperties.AsteriskServer server = p.servers().getFirst();
        assertThat(server.name()).isEqualTo("asterisk-1");
        assertThat(server.trunk()).isEqualTo("asterisk-1");
        assertThat(server.amiPort()).isEqualTo(5038);
        assertThat(server.maxChannels()).isEqualTo(100);
        assertThat(server.context()).isEqualTo("survey");
        assertThat(p.agi().bindAddress()).isEqualTo("0.0.0.0");
        assertThat(p.agi().port()).isEqualTo(4573);
        assertThat(p.agi().advertisedHost()).isEmpty();
        assertThat(p.recordingsDir()).isEqualTo(Path.of("data/dialer/recordings"));
        assertThat(p.recordingsRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(p.ledgerDir()).isEqualTo(Path.of("data/dialer/ledger"));
        assertThat(p.outboxDir()).isEqualTo(Path.of("data/dialer/outbox"));
        assertThat(p.callsPerSecond()).isEqualTo(10);
        assertThat(p.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.shutdownGrace()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.kafka().consumerGroup()).isEqualTo("epicall-dialers");
        assertThat(p.speech().languages()).isEqualTo(List.of("ko"));
        assertThat(p.speech().recognitionThreads()).isZero();
    }

    @Test
    void aServerNamedAndOnItsOwnTrunkKeepsBoth() {
        DialerProperties p = bind(Map.of(
                "epicall.dialer.servers[0].name", "seoul-1",
                "epicall.dialer.servers[0].host", "10.0.0.5",
                "epicall.dialer.servers[0].trunk", "kt-trunk",
                "epicall.dialer.kafka.bootstrap-servers", "kafka:9092"));

        assertThat(p.servers().getFirst().name()).isEqualTo("seoul-1");
        assertThat(p.servers().getFirst().trunk()).isEqualTo("kt-trunk");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"EPICALL_DIALER_CALLSPERSECOND", "EPICALL_DIALER_CALLS_PER_SECOND",
            "EPICALL_DIALER_SERVERS_0_HOST", "EPICALL_DIALER_SERVERS_12_DIAL_TEMPLATE", "EPICALL_DIALER_SERVERS_1_DIALTEMPLATE",
            "EPICALL_DIALER_AGI_ADVERTISED_HOST", "EPICALL_DIALER_KAFKA_BOOTSTRAP_SERVERS", "EPICALL_DIALER_SPEECH_LANGUAGES_0",
            "EPICALL_DIALER_SHUTDOWN_GRACE", "EPICALL_DIALER_RECORDINGS_RETENTION", "EPICALL_DIALER_KAFKA_SECURITY_PROTOCOL",
            "EPICALL_DIALER_KAFKA_SECURITY_PASSWORD", "EPICALL_DIALER_KAFKA_SECURITY_TRUSTSTORE_PASSWORD", "OTHER_THAN_THE_DIALER"})
    void shouldKnowEnvironmentVariablesThatNameASetting(String name) {
        assertThat(EnvironmentSettings.unknown(Map.of(name, "x"), "epicall.dialer", DialerProperties.class)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"EPICALL_DIALER_CALS_PER_SECOND", "EPICALL_DIALER_SERVERS_HOST",
            "EPICALL_DIALER_SERVERS_0_HOTS", "EPICALL_DIALER_AGI_PORT_NUMBER", "EPICALL_DIALER_KAFKA"})
    void shouldFindEnvironmentVariablesThatNameNoSetting(String name) {
        assertThat(EnvironmentSettings.unknown(Map.of(name, "x"), "epicall.dialer", DialerProperties.class))
                .containsExactly(name);
    }

    @Test
    void shouldKnowTheSpeechModelOfAnyLanguage() {
        assertThat(EnvironmentSettings.unknown(Map.of("EPICALL_SPEECH_MODELS_KO_PATH", "/m", "EPICALL_SPEECH_CACHE_DIR", "/c",
                "EPICALL_SPEECH_MODELS_KO_PAHT", "/m"), "epicall.speech", SpeechModelProperties.class))
                .containsExactly("EPICALL_SPEECH_MODELS_KO_PAHT");
    }
}
