package org.epicall.dialer.service.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.epicall.dialer.DialerConfig;
import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.agi.QuestionnaireScripts;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.LinkStatus;
import org.epicall.dialer.ledger.LedgerException;
import org.epicall.dialer.service.CallReadiness;
import org.epicall.dialer.service.DialerService;
import org.epicall.dialer.service.LoadedSpeech;
import org.epicall.dialer.service.RecognitionPool;
import org.epicall.dialer.service.questionnaire.PublishedScripts;
import org.epicall.dialer.service.questionnaire.QuestionnaireSource;
import org.epicall.dialer.service.questionnaire.SurveyReadiness;
import org.epicall.dialer.service.recordings.RecordingRetention;
import org.epicall.messaging.QuestionnaireCatalog;
import org.epicall.messaging.outbox.OutboxException;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.speech.model.ModelSettings;
import org.epicall.speech.model.ModelStore;
import org.epicall.speech.model.ModelUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Assembles a dialer node from its settings, checking each part as it goes so that the node either
 * starts able to survey every call it places, or does not start and says which setting to fix.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({DialerProperties.class, SpeechModelProperties.class})
public class DialerServiceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DialerServiceConfiguration.class);
    /** How long start-up waits for each Asterisk server's first login before going on without it. */
    private static final Duration FIRST_LOGIN = Duration.ofSeconds(10);

    /**
     * Checked first, before anything takes time: a misspelt environment variable (Spring Boot checks only
     * files and arguments for unknown keys), then a directory the node cannot write.
     */
    @Bean
    WritableDirectories writableDirectories(DialerProperties properties) {
        refuseUnknownVariables(System.getenv());
        return WritableDirectories.check(properties);
    }

    static void refuseUnknownVariables(Map<String, String> environment) {
        Set<String> unknown = new TreeSet<>(EnvironmentSettings.unknown(environment, "epicall.dialer",
                DialerProperties.class));
        unknown.addAll(EnvironmentSettings.unknown(environment, "epicall.speech", SpeechModelProperties.class));
        if (!unknown.isEmpty()) {
            throw new StartupFailure(String.join(", ", unknown) + " (environment)", "not a setting of the dialer; "
                    + "remove it or correct its spelling (the settings are listed in README.md, section Production)");
        }
    }

    @Bean(destroyMethod = "close")
    @DependsOn("writableDirectories")
    LoadedSpeech loadedSpeech(DialerProperties dialer, SpeechModelProperties models) {
        ModelSettings settings = models.modelSettings();
        long start = System.nanoTime();
        VoskSpeechRecognizer recognizer = new VoskSpeechRecognizer(new ModelStore(settings), SpeechSettings.defaults());
        Map<String, String> loaded = new LinkedHashMap<>();
        for (String language : dialer.speech().languages()) {
            String setting = ModelSettings.key(language, "path");
            try {
                recognizer.preload(language);
            } catch (ModelUnavailableException e) {
                recognizer.close();
                throw new StartupFailure(setting, e.getMessage(), e);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                recognizer.close();
                throw new StartupFailure(setting, "the " + language + " model could not be loaded (" + e.getMessage()
                        + "); point the setting at a complete Vosk model directory", e);
            }
            Path model = settings.models().get(language).path();
            loaded.put(language, model != null ? model.toString() : settings.cacheDir().resolve(
                    settings.models().get(language).name()).toString());
        }
        int threads = dialer.speech().recognitionThreads() > 0 ? dialer.speech().recognitionThreads()
                : Runtime.getRuntime().availableProcessors();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Speech models {} loaded in {} ms; {} recognition threads", loaded.keySet(), took.toMillis(), threads);
        return new LoadedSpeech(recognizer, new RecognitionPool(recognizer, threads), loaded, took);
    }

    /** Every questionnaire version the campaigns published, read from Kafka as calls need them. */
    @Bean(destroyMethod = "close")
    QuestionnaireCatalog questionnaireCatalog(DialerProperties properties) {
        return QuestionnaireCatalog.of(properties.kafka().connection());
    }

    @Bean
    QuestionnaireSource questionnaireSource(QuestionnaireCatalog catalog) {
        return new QuestionnaireSource(catalog);
    }

    /** The questionnaires the node can run; tests and tools may supply their own. */
    @Bean
    @ConditionalOnMissingBean
    SurveyScripts surveyScripts(LoadedSpeech speech, QuestionnaireSource source) {
        return new PublishedScripts(source, QuestionnaireScripts.shipped(speech.pool()));
    }

    /** A request whose questionnaire or language this node cannot run is refused, never dialed. */
    @Bean
    @ConditionalOnMissingBean
    CallReadiness callReadiness(LoadedSpeech speech, QuestionnaireSource source) {
        return new SurveyReadiness(source, speech.languages());
    }

    @Bean(destroyMethod = "close")
    DialerService dialerService(DialerProperties properties, WritableDirectories directories, SurveyScripts scripts,
                                CallReadiness readiness, MeterRegistry meters) {
        DialerConfig config = dialerConfig(properties, directories.recordings(),
                directories.ledger().resolve("dial-ledger.log"));
        DialerService service;
        try {
            service = DialerService.start(config, new DialerService.Settings(properties.kafka().connection(),
                    properties.kafka().consumerGroup(), directories.outbox(), properties.shutdownGrace()), scripts,
                    readiness, meters);
        } catch (LedgerException e) {
            throw new StartupFailure("epicall.dialer.ledger-dir", e.getMessage()
                    + "; repair or move the journal aside (the node then forgets which attempts it took)", e);
        } catch (OutboxException e) {
            throw new StartupFailure("epicall.dialer.outbox-dir", e.getMessage(), e);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("FastAGI")) {
                throw new StartupFailure("epicall.dialer.agi.port", e.getMessage()
                        + "; free the port or choose another (and the same in Asterisk's dialplan)", e);
            }
            throw e;
        }
        try {
            checkFirstLogins(service, properties);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    @Bean
    RecordingRetention recordingRetention(DialerProperties properties, WritableDirectories directories) {
        return new RecordingRetention(directories.recordings(), properties.recordingsRetention(), Clock.systemUTC());
    }

    static DialerConfig dialerConfig(DialerProperties p, Path recordings, Path ledgerFile) {
        List<AmiServerConfig> servers = p.servers().stream()
                .map(s -> new AmiServerConfig(s.name(), s.host(), s.amiPort(), s.username(), s.secret(), s.maxChannels(),
                        s.trunk(), s.dialTemplate(), s.context(), s.callerId(), Duration.ofSeconds(5)))
                .toList();
        AgiConfig agi = AgiConfig.defaults(recordings).withEndpoint(p.agi().bindAddress(), p.agi().port())
                .withAdvertisedHost(p.agi().advertisedHost());
        return DialerConfig.defaults(servers, ledgerFile, recordings)
                .withCallsPerSecond(p.callsPerSecond())
                .withTimeouts(p.ringTimeout(), Duration.ofSeconds(15), Duration.ofSeconds(30))
                .withMaxQueued(p.maxQueued())
                .withAgi(agi);
    }

    /**
     * Waits for each server's first login. A refused login stops the node: retrying will not fix a wrong
     * secret. An unreachable server is logged and left to reconnect; readiness says so meanwhile.
     */
    private static void checkFirstLogins(DialerService service, DialerProperties properties) {
        long end = System.nanoTime() + FIRST_LOGIN.toNanos();
        List<LinkStatus> statuses = service.node().serverStatuses();
        while (statuses.stream().anyMatch(LinkStatus::connecting) && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            statuses = service.node().serverStatuses();
        }
        List<LinkStatus> last = statuses;
        IntStream.range(0, last.size()).filter(i -> last.get(i).loginRefused()).findFirst().ifPresent(i -> {
            throw new StartupFailure("epicall.dialer.servers[" + i + "].secret", last.get(i).problem()
                    + "; set servers[" + i + "].username and .secret to an AMI user of that server's manager.conf");
        });
        for (int i = 0; i < last.size(); i++) {
            LinkStatus s = last.get(i);
            if (!s.up()) {
                log.warn("epicall.dialer.servers[{}] ({}): {}; the node keeps trying and takes no dial requests "
                        + "while no server is up. Check .host and .ami-port, and that Asterisk runs.", i, s.server(),
                        s.problem() == null ? "no answer within " + FIRST_LOGIN.toSeconds() + " s" : s.problem());
            }
        }
    }
}
