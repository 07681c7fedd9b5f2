package org.epicall.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Exit;
import org.epicall.app.EpicallCommand;
import org.epicall.campaign.boundary.KafkaBoundaryConfiguration;
import org.epicall.campaign.boundary.KafkaMessagingProperties;
import org.epicall.dialer.service.config.DialerProperties;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings.ClientListener;
import org.epicall.messaging.BatchHandler;
import org.epicall.messaging.CallAttemptConsumer;
import org.epicall.messaging.DialRequestConsumer;
import org.epicall.messaging.DialRequestPublisher;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.KafkaSecurity;
import org.epicall.messaging.PhoneNumberDisclosure;
import org.epicall.messaging.QuestionnaireCatalog;
import org.epicall.messaging.QuestionnaireEvent;
import org.epicall.messaging.QuestionnairePublisher;
import org.epicall.messaging.ResultPublisher;
import org.epicall.messaging.SurveyResultConsumer;
import org.epicall.messaging.TopicAdministration;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.messaging.internal.KafkaFailures;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import picocli.CommandLine;

/**
 * The Kafka security of docker-compose.yml, for real: an in-process KRaft broker with the security settings
 * of {@code deploy/kafka/server.properties} (SASL/SCRAM-SHA-512 on the client listener, the StandardAuthorizer,
 * the admin user formatted in as {@code start.sh} does), then every tool line of {@code deploy/kafka/init.sh}
 * run against it with Kafka's own tools (topics, users, ACLs). Each role then connects with the settings the
 * compose file gives it: the campaign service and the dialers do their work, an analyst reads results and
 * nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclsTest {

    private static final Path DEPLOY = ComposeFile.ROOT.resolve("deploy/kafka");
    private static final Pattern TOOL_LINE = Pattern.compile("^\\$BIN/(kafka-[a-z]+)\\.sh \\$K (.+)$");
    /** The settings start.sh and the compose file own: where the broker listens and keeps its data. */
    private static final Set<String> TOPOLOGY = Set.of("process.roles", "node.id", "log.dirs", "listeners",
            "advertised.listeners", "listener.security.protocol.map", "controller.listener.names",
            "controller.quorum.voters", "inter.broker.listener.name");
    private static final Map<String, String> OPERATOR = ComposeFile.OPERATOR_ENVIRONMENT;

    private EmbeddedKafkaBroker broker;
    private KafkaConnection campaign;
    private KafkaConnection dialer;
    private KafkaConnection analyst;
    private Path analystConfig;

    @BeforeAll
    void brokerAsDeployedWithTheInitJobRun(@TempDir Path dir) throws Exception {
        String adminPassword = OPERATOR.get("EPICALL_KAFKA_ADMIN_PASSWORD");
        Properties deployed = load(DEPLOY.resolve("server.properties"));
        assertThat(deployed.getProperty("listeners")).startsWith("SASL_PLAINTEXT://");
        String startScript = Files.readString(DEPLOY.resolve("start.sh"));
        assertThat(startScript).contains("--add-scram \"SCRAM-SHA-512=[name=admin,password=${EPICALL_KAFKA_ADMIN_PASSWORD}]\"")
                .contains("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=");
        EmbeddedKafkaSettings settings = EmbeddedKafkaSettings.persistentAt(dir.resolve("kafka"))
                .withClientListener(new ClientListener("SASL_PLAINTEXT",
                        List.of("SCRAM-SHA-512=[name=admin,password=" + adminPassword + "]"),
                        scram("admin", adminPassword).clientProperties()));
        for (String key : deployed.stringPropertyNames()) {
            if (!TOPOLOGY.contains(key)) {
                settings = settings.withOverride(key, deployed.getProperty(key));
            }
        }
        settings = settings.withOverride("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                (String) scram("admin", adminPassword).clientProperties().get("sasl.jaas.config"));
        broker = EmbeddedKafkaBroker.start(settings);

        Path adminConfig = clientConfig(dir.resolve("admin.properties"), scram("admin", adminPassword));
        runInitScript(adminConfig);

        campaign = new KafkaConnection(broker.bootstrapServers(), bind(ComposeFile.read(OPERATOR::get)
                .environment("campaign"), "epicall.kafka", KafkaMessagingProperties.class).security());
        dialer = new KafkaConnection(broker.bootstrapServers(), bind(ComposeFile.read(OPERATOR::get)
                .environment("dialer"), "epicall.dialer", DialerProperties.class).kafka().security());
        KafkaSecurity analystSecurity = scram("analyst", OPERATOR.get("EPICALL_KAFKA_ANALYST_PASSWORD"));
        analyst = new KafkaConnection(broker.bootstrapServers(), analystSecurity);
        analystConfig = clientConfig(dir.resolve("analyst.properties"), analystSecurity);
        try (ResultPublisher results = ResultPublisher.start(dialer, dir.resolve("outbox"), PhoneNumberDisclosure.NEVER)) {
            results.sink().surveyFinished(survey("acl-analyst"));
            await().atMost(Duration.ofSeconds(60)).until(() -> results.pendingCount() == 0);
        }
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theCampaignServiceAndTheDialersDoTheirWorkWithTheirOwnUsers(@TempDir Path outbox) throws Exception {
        assertThat(TopicAdministration.ensureTopics(campaign, 6, (short) 1)).as("the campaign's topic check").isTrue();
        QuestionnaireEvent questionnaire = QuestionnaireEvent.of("covid-checkin", "id: covid-checkin\n");
        DialRequest request = new DialRequest("acl-1", "campaign-acl", "r-acl-1", "+821012345678", "ko",
                "covid-checkin", 1, Instant.now().plusSeconds(600), questionnaire.version());
        Set<String> dialed = ConcurrentHashMap.newKeySet();
        Set<String> attempts = ConcurrentHashMap.newKeySet();
        Set<String> surveys = ConcurrentHashMap.newKeySet();
        try (QuestionnairePublisher questionnaires = new QuestionnairePublisher(campaign);
             QuestionnaireCatalog catalog = QuestionnaireCatalog.of(dialer);
             DialRequestPublisher publisher = new DialRequestPublisher(campaign);
             DialRequestConsumer dialers = DialRequestConsumer.start(dialer, takingAll(dialed));
             ResultPublisher results = ResultPublisher.start(dialer, outbox, PhoneNumberDisclosure.NEVER);
             CallAttemptConsumer attemptsSeen = CallAttemptConsumer.start(campaign, KafkaBoundaryConfiguration.GROUP,
                     a -> attempts.add(a.attemptId()));
             SurveyResultConsumer surveysSeen = SurveyResultConsumer.start(campaign, KafkaBoundaryConfiguration.GROUP,
                     s -> surveys.add(s.attemptId()))) {
            questionnaires.publish(questionnaire).get(60, TimeUnit.SECONDS);
            publisher.publish(request).get(60, TimeUnit.SECONDS);
            assertThat(catalog.find("covid-checkin", questionnaire.version()))
                    .as("the dialer reads the questionnaire the request names")
                    .isEqualTo(new QuestionnaireCatalog.Found(questionnaire));
            await().atMost(Duration.ofSeconds(60)).until(() -> dialed.contains("acl-1"));

            results.sink().surveyFinished(survey("acl-1"));
            results.sink().attemptFinished(answered("acl-1"));

            await().atMost(Duration.ofSeconds(60)).until(() -> attempts.contains("acl-1") && surveys.contains("acl-1"));
            assertThat(results.pendingCount()).isZero();
        }
        try (Admin health = Admin.create(dialer.clientProperties())) {
            assertThat(health.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).as("the dialer's health check")
                    .isNotBlank();
        }
    }

    @Test
    void anAnalystReadsSurveyResults() throws Exception {
        assertThat(TopicSnapshot.values(analyst, Topics.SURVEY_RESULTS)).isNotEmpty();
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new EpicallCommand()).setOut(new PrintWriter(out)).execute("results", "tail",
                "--bootstrap-servers", broker.bootstrapServers(), "--command-config", analystConfig.toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"attemptId\":\"acl-analyst\"");
    }

    @Test
    void anAnalystReadsSurveyResultsWithKafkasConsoleConsumerInAGroupOfTheirOwn() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            exit = new CommandLine(new EpicallCommand()).execute("kafka", "console-consumer", "--bootstrap-server",
                    broker.bootstrapServers(), "--consumer.config", analystConfig.toString(), "--topic",
                    Topics.SURVEY_RESULTS, "--group", "analyst-kim", "--from-beginning", "--max-messages", "1");
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).as(captured.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("\"attemptId\":\"acl-analyst\"");
    }

    @Test
    void anAnalystIsRefusedTheDialRequestsWithTheirPhoneNumbers() {
        assertThatThrownBy(() -> TopicSnapshot.values(analyst, Topics.DIAL_REQUESTS))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void anAnalystReadsNoTopicButTheSurveyResults() {
        for (String topic : List.of(Topics.CALL_ATTEMPTS, Topics.QUESTIONNAIRES)) {
            assertThatThrownBy(() -> TopicSnapshot.values(analyst, topic)).as(topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void anAnalystCannotReadInTheCampaignServicesGroupAndSoMoveItsOffsets() {
        Map<String, Object> props = analyst.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaBoundaryConfiguration.GROUP);
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SURVEY_RESULTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(30)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void anAnalystIsRefusedWritingAnything() throws Exception {
        try (DialRequestPublisher publisher = new DialRequestPublisher(analyst)) {
            assertThatThrownBy(() -> publisher.publish(new DialRequest("forged", "campaign-acl", "r-x", "+821099999999",
                    "ko", "covid-checkin", 1, Instant.now().plusSeconds(600))).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AuthorizationException.class);
        }
        assertRefusedWriting(analyst, Topics.SURVEY_RESULTS, Topics.CALL_ATTEMPTS, Topics.QUESTIONNAIRES);
    }

    @Test
    void eachServiceIsRefusedWhatIsNotItsJob() {
        assertThatThrownBy(() -> TopicSnapshot.values(dialer, Topics.SURVEY_RESULTS))
                .as("dialers write results, they do not read them").isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> TopicSnapshot.values(campaign, Topics.DIAL_REQUESTS))
                .as("the campaign service writes dial requests, it does not read them")
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aDialerCannotOrderCallsOrChangeAQuestionnaireAndTheCampaignServiceCannotForgeResults() {
        assertRefusedWriting(dialer, Topics.DIAL_REQUESTS, Topics.QUESTIONNAIRES);
        assertRefusedWriting(campaign, Topics.SURVEY_RESULTS, Topics.CALL_ATTEMPTS);
    }

    /** A record sent to each topic with the connection's user is refused by the broker. */
    private static void assertRefusedWriting(KafkaConnection connection, String... topics) {
        Map<String, Object> props = connection.clientProperties();
        props.put("max.block.ms", 10_000);
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : topics) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, new byte[] {1})).get(60, TimeUnit.SECONDS))
                        .as(connection + " writing " + topic).hasCauseInstanceOf(AuthorizationException.class);
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheMessageSaysWhatToCheck() {
        KafkaConnection wrong = new KafkaConnection(broker.bootstrapServers(), scram("analyst", "not-the-password"));

        assertThatThrownBy(() -> TopicSnapshot.values(wrong, Topics.SURVEY_RESULTS))
                .isInstanceOf(SaslAuthenticationException.class)
                .satisfies(e -> assertThat(KafkaFailures.describe(e, wrong)).contains("refused to authenticate user"
                        + " 'analyst'", "check the security username and password"));
    }

    /** A dialer node's intake, reduced to noting what it was given. */
    private static BatchHandler<DialRequest> takingAll(Set<String> taken) {
        return new BatchHandler<>() {
            @Override
            public List<Verdict> prepare(List<DialRequest> records) {
                records.forEach(r -> taken.add(r.attemptId()));
                return records.stream().map(r -> Verdict.DONE).toList();
            }

            @Override
            public void committed(List<DialRequest> records) {
            }

            @Override
            public void notCommitted(List<DialRequest> records) {
            }
        };
    }

    /** Runs each {@code $BIN/kafka-*.sh $K ...} line of init.sh with Kafka's tool of that name, in this JVM. */
    private void runInitScript(Path adminConfig) throws Exception {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("init.sh"));
        int run = 0;
        for (String line : lines) {
            Matcher tool = TOOL_LINE.matcher(line.strip());
            if (!tool.matches()) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of("--bootstrap-server", broker.bootstrapServers(),
                    "--command-config", adminConfig.toString()));
            args.addAll(words(tool.group(2)));
            ToolRun result = runTool(tool.group(1), args.toArray(String[]::new));
            assertThat(result.status()).as(line + "\n" + result.printed()).isZero();
            run++;
        }
        assertThat(run).as("tool lines in init.sh").isGreaterThanOrEqualTo(10);
    }

    /**
     * Runs the tool; returns its exit status and what it printed. Kafka's tools end with {@code Exit.exit},
     * which is recorded here instead of ending the JVM (a tool may catch whatever is thrown from it).
     */
    private static ToolRun runTool(String tool, String[] args) {
        AtomicInteger exit = new AtomicInteger(-1);
        Exit.setExitProcedure((status, message) -> exit.compareAndSet(-1, status));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            switch (tool) {
                case "kafka-topics" -> org.apache.kafka.tools.TopicCommand.main(args);
                case "kafka-configs" -> kafka.admin.ConfigCommand.main(args);
                case "kafka-acls" -> org.apache.kafka.tools.AclCommand.main(args);
                default -> throw new IllegalArgumentException("init.sh runs " + tool + ", which this test cannot");
            }
        } catch (RuntimeException e) {
            exit.compareAndSet(-1, 1);
            printed.writeBytes(e.toString().getBytes(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            Exit.resetExitProcedure();
        }
        return new ToolRun(Math.max(exit.get(), 0), printed.toString(StandardCharsets.UTF_8));
    }

    private record ToolRun(int status, String printed) {
    }

    /** Shell words: blanks separate, double quotes group, {@code ${VAR}} is the operator's variable. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(text);
        while (word.find()) {
            String w = word.group(1) != null ? word.group(1) : word.group(2);
            Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(w);
            StringBuilder expanded = new StringBuilder();
            while (variable.find()) {
                String value = OPERATOR.get(variable.group(1));
                assertThat(value).as("init.sh reads " + variable.group(1)).isNotNull();
                variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
            }
            variable.appendTail(expanded);
            words.add(expanded.toString());
        }
        return words;
    }

    private static KafkaSecurity scram(String user, String password) {
        return new KafkaSecurity(org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT, "SCRAM-SHA-512",
                user, password, null, null, null, null);
    }

    /** A Kafka client properties file, as an operator or analyst keeps one. */
    private static Path clientConfig(Path file, KafkaSecurity security) throws IOException {
        Properties properties = new Properties();
        security.clientProperties().forEach((k, v) -> properties.setProperty(k, v.toString()));
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
        return file;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static <T> T bind(Map<String, String> env, String prefix, Class<T> type) {
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(env)))).bindOrCreate(prefix, type);
    }

    private static SurveyResponse survey(String attemptId) {
        Instant now = Instant.now();
        return new SurveyResponse(attemptId, "campaign-acl", "r-" + attemptId, "covid-checkin", "ko",
                SurveyStatus.COMPLETE, null, now.minusSeconds(60), now, List.of(new AnsweredQuestion("fever", "",
                false, 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, 1, null)), List.of());
    }

    private static AttemptResult answered(String attemptId) {
        Instant now = Instant.now();
        return new AttemptResult(attemptId, "campaign-acl", "r-" + attemptId, CallOutcome.ANSWERED, 16, "pbx-1",
                now.minusSeconds(70), now.minusSeconds(60), now, "");
    }
}
