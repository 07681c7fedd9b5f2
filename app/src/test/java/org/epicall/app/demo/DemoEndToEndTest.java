package org.epicall.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.epicall.app.demo.progress.DemoProgress;
import org.epicall.app.demo.progress.ProgressDisplay;
import org.epicall.app.demo.summary.CampaignRecords;
import org.epicall.app.demo.summary.DemoSummary;
import org.epicall.app.demo.summary.ResidentFate;
import org.epicall.campaign.prompt.PromptRenderer;
import org.epicall.corpus.Corpus;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.ResultAnswer;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.pbx.resident.Answer;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo path through the real stack, smaller and faster: 14 simulated residents over real AMI and
 * FastAGI sockets, recognised by the real Korean Vosk model, with the campaign service and the dialer
 * talking through a real in-process Kafka broker. One run, then each test checks one promise of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoEndToEndTest {

    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");
    private static final int RESIDENTS = 14;
    private static final int MAX_ATTEMPTS = 3;
    // 14 residents: 9 answering, and one each busy, no answer (answers call 2), rejected, hanging up early,
    // keypad only.
    private static final long SEED = 2026;
    /** Under half of the right voice answers measured on this population (25 and 24 in two runs, with 4 wrong each: espeak "네 있어요" heard as 없어요, "미국" as 홍콩), for libvosk's run-to-run variation. */
    private static final long RIGHT_VOICE_ANSWERS = 10;

    private DemoRunner demo;
    private DemoProgress finalProgress;
    private DemoSummary summary;
    private CampaignRecords records;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    void runTheDemo(@TempDir Path dir) throws Exception {
        // A campaign starts only with its prompts, which the demo renders as a deployment would.
        Assumptions.assumeTrue(PromptRenderer.unavailableBecause().isEmpty(),
                () -> PromptRenderer.unavailableBecause().orElse(""));
        DemoSettings settings = new DemoSettings(RESIDENTS, DemoSettings.Population.MIXED, SEED, 100, 0, dir.resolve("demo"), false, false, 50, 40,
                MAX_ATTEMPTS, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMinutes(60),
                Duration.ofMinutes(3));
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        demo = new DemoRunner(settings, out, Clock.systemUTC());
        demo.start();
        demo.launch();
        finalProgress = demo.awaitFinished(ProgressDisplay.forConsole(out, false, Duration.ofSeconds(5)));
        summary = demo.summary();
        records = demo.records();
    }

    @AfterAll
    void stop() {
        System.out.println(console.toString(StandardCharsets.UTF_8));
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theCampaignStartedWithEveryPromptRenderedWhereThePbxPlaysIt() {
        Questionnaire questionnaire = QuestionnaireLoader.loadResource(DemoRunner.QUESTIONNAIRE);
        List<String> prompts = PromptIds.of(questionnaire);
        for (String language : questionnaire.languages()) {
            assertThat(prompts).as(language).allSatisfy(prompt -> assertThat(demo.directory().resolve(
                    PromptIds.sound(demo.campaignId(), questionnaire.id(), language, prompt) + ".wav")).isRegularFile());
        }
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("prompts    " + prompts.size() * questionnaire.languages().size() + " rendered with espeak-ng");
    }

    @Test
    void theSimulatedPopulationMixesBehaviours() {
        assertThat(demo.residents()).extracting(Resident::behaviour)
                .contains(Behaviour.ANSWER, Behaviour.BUSY, Behaviour.NO_ANSWER, Behaviour.REJECTED,
                        Behaviour.HANGUP_AT_QUESTION, Behaviour.KEYPAD_ONLY);
    }

    @Test
    void shouldAccountForEveryResidentAsCompletedFailedOrOutOfAttempts() {
        assertThat(finalProgress.done()).as(console.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(summary.accounted()).isEqualTo(RESIDENTS);
        assertThat(summary.fates().get(ResidentFate.OPEN)).isZero();
        assertThat(summary.fates().get(ResidentFate.COMPLETED)).isPositive();
    }

    @Test
    void shouldReportEveryAttemptTheCampaignDialedOnTheAttemptsTopic() {
        assertThat(records.attempts()).hasSize((int) finalProgress.dialed());
        assertThat(summary.topicEndOffsets().get(Topics.DIAL_REQUESTS)).isEqualTo(finalProgress.dialed());
    }

    @Test
    void shouldNeverCallAResidentMoreOftenThanTheAttemptCap() {
        assertThat(summary.audit().overCap()).isEmpty();
        assertThat(summary.audit().mostAttempts()).isLessThanOrEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void shouldRetryBusyAndUnansweredResidentsOnlyAfterTheirRetryDelay() {
        assertThat(summary.residentsByAttempts().keySet()).as("some resident was called again").anyMatch(n -> n > 1);
        assertThat(summary.audit().earlyRetries()).isEmpty();
        assertThat(summary.audit().overlapping()).isEmpty();
    }

    @Test
    void shouldGiveUpOnABusyResidentOnlyAfterTheLastAllowedAttempt() {
        Map<String, Long> attemptsPerResident = records.attempts().stream()
                .collect(Collectors.groupingBy(a -> a.contactRef(), Collectors.counting()));
        List<String> alwaysBusy = records.attempts().stream().map(a -> a.contactRef()).distinct()
                .filter(ref -> demo.resident(ref)
                        .map(r -> r.behaviour() == Behaviour.BUSY && r.thenAnswerAfter() == 0).orElse(false))
                .toList();

        assertThat(alwaysBusy).as("residents busy on every call").isNotEmpty()
                .allSatisfy(ref -> assertThat(attemptsPerResident.get(ref)).as(ref).isEqualTo(MAX_ATTEMPTS));
        assertThat(summary.fates().get(ResidentFate.OUT_OF_ATTEMPTS)).isGreaterThanOrEqualTo(alwaysBusy.size());
    }

    @Test
    void shouldCompleteAResidentWhoAnswersOnlyTheRetry() {
        List<String> answeringLater = records.attempts().stream().map(a -> a.contactRef()).distinct()
                .filter(ref -> demo.resident(ref).map(r -> r.thenAnswerAfter() == 1).orElse(false)).toList();
        Map<String, List<CallOutcome>> outcomes = records.attempts().stream()
                .sorted(Comparator.comparing(a -> a.originatedAt()))
                .collect(Collectors.groupingBy(a -> a.contactRef(), Collectors.mapping(a -> a.outcome(),
                        Collectors.toList())));

        assertThat(answeringLater).isNotEmpty().allSatisfy(ref -> assertThat(outcomes.get(ref)).as(ref)
                .hasSize(2).endsWith(CallOutcome.ANSWERED).first().isNotEqualTo(CallOutcome.ANSWERED));
        assertThat(summary.answeredByAttempts()).as("answered on attempt 2").containsKey(2);
    }

    @Test
    void shouldPlaceNoCallOutsideTheCallingWindow() {
        assertThat(records.attempts()).isNotEmpty();
        assertThat(summary.audit().outsideWindow()).isEmpty();
    }

    static Stream<Arguments> topics() {
        return Stream.of(
                Arguments.of(Topics.DIAL_REQUESTS, "dial-request.schema.json"),
                Arguments.of(Topics.CALL_ATTEMPTS, "call-attempt.schema.json"),
                Arguments.of(Topics.SURVEY_RESULTS, "survey-result.schema.json"));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("topics")
    void shouldPublishOnlyEventsThatValidateAgainstTheTopicSchema(String topic, String schemaFile) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(schemaFile)));
        List<byte[]> values = TopicSnapshot.values(KafkaConnection.plaintext(demo.bootstrapServers()), topic);

        assertThat(values).isNotEmpty();
        for (byte[] value : values) {
            String json = new String(value, StandardCharsets.UTF_8);
            assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        }
    }

    @Test
    void shouldFlagResidentsWhoseAnswersTriggerTriageRules() {
        assertThat(records.surveys()).anyMatch(s -> !s.triageFlags().isEmpty());
        assertThat(summary.flagged()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.flags()).isNotEmpty());
    }

    /**
     * Voice answers the model heard right, across the survey: several per answering resident, not one
     * lucky one. Measured on this population (seed 2026) with the shipped espeak-ng corpus: see
     * RIGHT_VOICE_ANSWERS; libvosk decodes a little differently from run to run, hence the margin.
     */
    @Test
    void shouldRecogniseKoreanVoiceAnswersAsTheValuesTheResidentsSpoke() {
        long[] rightAndWrong = voiceAnswers();
        System.out.printf("demo voice answers: %d right, %d wrong%n", rightAndWrong[0], rightAndWrong[1]);

        assertThat(rightAndWrong[0]).isGreaterThanOrEqualTo(RIGHT_VOICE_ANSWERS);
        assertThat(rightAndWrong[1]).as("voice answers accepted with a value the resident did not mean")
                .isLessThanOrEqualTo(rightAndWrong[0] / 4);
    }

    @Test
    void shouldTakeTheKeypadOnlyResidentsAnswersFromTheKeysPressedWhileRecording() {
        List<SurveyResultEvent> keyed = records.surveys().stream()
                .filter(s -> demo.resident(s.contactRef()).map(r -> r.behaviour() == Behaviour.KEYPAD_ONLY).orElse(false)).toList();

        // The generated population gives keypad residents keys for yes/no and numbers only, not for choices.
        assertThat(keyed).isNotEmpty().allSatisfy(survey -> assertThat(survey.answers())
                .filteredOn(answer -> answer.decision() == Decision.ACCEPT).isNotEmpty().allSatisfy(answer -> {
                    assertThat(answer.source()).isEqualTo(AnswerSource.KEYPAD);
                    assertThat(answer.asks()).isEqualTo(1);
                }));
    }

    /** Voice answers accepted with the value the resident meant, and with another value. */
    private long[] voiceAnswers() {
        Map<String, Corpus.Clip> clips = Corpus.load().clips().stream()
                .collect(Collectors.toMap(c -> "classpath:corpus/" + c.file(), Function.identity()));
        long right = 0;
        long wrong = 0;
        for (SurveyResultEvent survey : records.surveys()) {
            Optional<Resident> resident = demo.resident(survey.contactRef());
            assertThat(resident).as(survey.contactRef()).isPresent();
            for (ResultAnswer answer : survey.answers()) {
                if (answer.source() != AnswerSource.VOICE || answer.decision() != Decision.ACCEPT) {
                    continue;
                }
                Answer meant = resident.get().answers().stream()
                        .filter(a -> a.questionId().equals(answer.questionId())).findFirst().orElseThrow();
                String expected = meant.meaning().isEmpty() ? clips.get(meant.audio().location()).expected() : meant.meaning();
                if (matches(expected, answer.value())) {
                    right++;
                } else {
                    wrong++;
                    System.out.printf("demo voice answer not meant: %s %s heard '%s' as %s, meant %s (%s)%n", survey.contactRef(),
                            answer.questionId(), answer.transcript(), answer.value(), expected, meant.audio().location());
                }
            }
        }
        return new long[] {right, wrong};
    }

    private static boolean matches(String expected, Object value) {
        return switch (value) {
            case Boolean b -> expected.equals(b ? "yes" : "no");
            case Number n -> expected.matches("\\d+(\\.\\d+)?")
                    && new BigDecimal(n.toString()).compareTo(new BigDecimal(expected)) == 0;
            case List<?> options -> options.contains(expected);
            case null -> false;
            default -> expected.equals(value.toString());
        };
    }
}
