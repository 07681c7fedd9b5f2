package org.epicall.survey.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken variant of {@code minimal.yaml} must be refused with the path and a message that says what to fix. */
class QuestionnaireValidationTest {

    private static final String MINIMAL = resource("questionnaires/minimal.yaml");

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("a prompt lacks a declared language",
                        "prompt: {ko: 열이 있습니까?, en: Do you have a fever?}", "prompt: {en: Do you have a fever?}",
                        "questions[0].prompt", "missing ko text"),
                broken("a text is given in an undeclared language",
                        "en: Your temperature?}", "en: Your temperature?, fr: Votre température?}",
                        "questions[1].prompt.fr", "language 'fr' is not declared"),
                broken("the type is unknown",
                        "type: yes_no", "type: yesno",
                        "questions[0].type", "unknown question type 'yesno'; did you mean 'yes_no'"),
                broken("the range is upside down",
                        "range: {min: 34, max: 43}", "range: {min: 43, max: 34}",
                        "questions[1].range.max", "range max 34 is less than min 43"),
                broken("a range bound is not a number",
                        "range: {min: 34, max: 43}", "range: {min: 34, max: hot}",
                        "questions[1].range.max", "expected a number"),
                broken("a number question has no unit",
                        "    unit: °C\n", "",
                        "questions[1].unit", "needs 'unit'"),
                broken("a number question has no range",
                        "    range: {min: 34, max: 43}\n", "",
                        "questions[1].range", "needs its plausible 'range'"),
                broken("a follow-up names an unknown question",
                        "ask: temperature", "ask: temprature",
                        "questions[0].follow_ups[0].ask", "unknown question 'temprature'; did you mean 'temperature'"),
                broken("a follow-up condition uses an unknown operator",
                        "when: {equals: yes}", "when: {equal: yes}",
                        "questions[0].follow_ups[0].when.equal", "unknown key 'equal' in condition; did you mean 'equals'"),
                broken("follow-ups form a cycle",
                        "prompt: {ko: 체온은요?, en: Your temperature?}",
                        "prompt: {ko: 체온은요?, en: Your temperature?}\n    follow_ups: [{ask: fever}]",
                        "follow_ups", "cycle"),
                broken("two questions share an id",
                        "id: symptoms", "id: fever",
                        "questions[2].id", "duplicate question id 'fever'"),
                broken("two options share an id",
                        "{id: none,", "{id: cough,",
                        "questions[2].options[1].id", "option id 'cough' is used twice"),
                broken("an exclusive option in a single choice",
                        "    multiple: true\n", "",
                        "questions[2].options[1].exclusive", "'exclusive' only makes sense"),
                broken("a key is misspelt",
                        "multiple: true", "multple: true",
                        "questions[2].multple", "unknown key 'multple'; did you mean 'multiple'"),
                broken("a number key on a yes/no question",
                        "type: yes_no", "type: yes_no\n    unit: °C",
                        "questions[0].unit", "'unit' applies to number questions only"),
                broken("a keypad on a free-text question",
                        "prompt: {ko: 어디에 가셨나요?, en: Where did you go?}",
                        "prompt: {ko: 어디에 가셨나요?, en: Where did you go?}\n    keypad: {prompt: {ko: 눌러요, en: Press}}",
                        "questions[3].keypad", "voice-only"),
                broken("a keypad key maps to no answer",
                        "prompt: {ko: 있으면 1번, en: Press 1 for yes}",
                        "prompt: {ko: 있으면 1번, en: Press 1 for yes}\n      keys: {\"1\": yes, \"2\": maybe}",
                        "questions[0].keypad.keys.2", "not an answer of this question"),
                broken("a confidence threshold above 1",
                        "type: yes_no", "type: yes_no\n    confidence_threshold: 1.5",
                        "questions[0].confidence_threshold", "from 0 to 1"),
                broken("a triage rule names an unknown question",
                        "{question: temperature, gte: 37.5}", "{question: temp, gte: 37.5}",
                        "triage[0].when.question", "unknown question 'temp'"),
                broken("a triage rule names an unknown option",
                        "{question: temperature, gte: 37.5}", "{question: symptoms, includes: coughing}",
                        "triage[0].when.includes", "has no option 'coughing'; did you mean 'cough'"),
                broken("a triage rule compares a number with includes",
                        "gte: 37.5", "includes: 37.5",
                        "triage[0].when.includes", "'includes' applies to choice questions"),
                broken("a triage threshold lies outside the question's range",
                        "gte: 37.5", "gte: 50",
                        "triage[0].when.gte", "outside the range of 'temperature'"),
                broken("a triage rule has two operators",
                        "gte: 37.5", "gte: 37.5, lt: 40",
                        "triage[0].when", "exactly one operator"),
                broken("two triage rules share an id",
                        "    when: {question: temperature, gte: 37.5}",
                        "    when: {question: temperature, gte: 37.5}\n  - id: hot\n    when: {question: fever, equals: yes}",
                        "triage[1].id", "triage rule id 'hot' is used twice"),
                broken("a yes/no rule compares with a number",
                        "{question: temperature, gte: 37.5}", "{question: fever, equals: 1}",
                        "triage[0].when.equals", "takes yes or no"),
                broken("the consent question is not yes/no",
                        "languages: [ko, en]", "languages: [ko, en]\nconsent_question: temperature",
                        "consent_question", "must be of type yes_no"),
                broken("the consent question is not asked first",
                        "languages: [ko, en]", "languages: [ko, en]\nconsent_question: temperature",
                        "consent_question", "must be the first question"),
                broken("the consent question is unknown",
                        "languages: [ko, en]", "languages: [ko, en]\nconsent_question: agree",
                        "consent_question", "unknown question 'agree'"),
                broken("a language has no language pack",
                        "languages: [ko, en]", "languages: [ko, en, fr]",
                        "languages[2]", "there is no language pack 'fr'"),
                broken("a synonym names two options",
                        "{id: none, label: {ko: 없음, en: none}, exclusive: true}",
                        "{id: none, label: {ko: 없음, en: none}, synonyms: {ko: [기침]}, exclusive: true}",
                        "questions[2].options[1]", "names both option 'cough' and option 'none'"),
                broken("a synonym of an option is the pack's synonym of another",
                        "{id: none, label: {ko: 없음, en: none}, exclusive: true}",
                        "{id: none, label: {ko: 없음, en: none}, synonyms: {en: [coughing]}, exclusive: true}",
                        "questions[2].options[1]", "'coughing' (en) names both option 'cough' and option 'none'"),
                broken("a question's yes-phrase is a no-word of the pack",
                        "type: yes_no", "type: yes_no\n    phrases: {yes: {ko: [없어요]}}",
                        "questions[0].phrases.yes.ko", "'없어요' also means no in the language pack"),
                broken("a phrase means yes and no for one question",
                        "type: yes_no", "type: yes_no\n    phrases: {yes: {en: [fever]}, no: {en: [fever]}}",
                        "questions[0].phrases", "'fever' also means no here"),
                broken("phrases on a number question",
                        "type: number", "type: number\n    phrases: {yes: {en: [hot]}}",
                        "questions[1].phrases", "'phrases' applies to yes_no questions only"),
                broken("languages are missing",
                        "languages: [ko, en]\n", "",
                        "languages", "'languages' is required"),
                broken("a message is missing",
                        "  declined: {ko: 알겠습니다, en: Understood}\n", "",
                        "messages.declined", "text is missing"),
                broken("an id has capitals and spaces",
                        "id: fever", "id: Has Fever",
                        "questions[0].id", "is not valid"),
                broken("questions are not a list",
                        "questions:", "questions: none\nunused:",
                        "questions", "non-empty list"));
    }

    private static Arguments broken(String what, String find, String replace, String path, String message) {
        assertThat(MINIMAL).as("fixture text for: " + what).contains(find);
        return Arguments.of(what, MINIMAL.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace)), path, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void shouldRefuseABrokenFileNamingFilePathAndFix(String what, String yaml, String path, String message) {
        QuestionnaireException refused = catchThrowableOfType(QuestionnaireException.class,
                () -> QuestionnaireLoader.parse(yaml, "broken.yaml"));

        assertThat(refused).as(what).isNotNull();
        assertThat(refused.getMessage()).startsWith("Invalid questionnaire broken.yaml");
        assertThat(refused.problems()).as(refused.getMessage())
                .anySatisfy(problem -> {
                    assertThat(problem.path()).contains(path);
                    assertThat(problem.message()).contains(message);
                });
        assertThat(refused.getMessage()).contains(path).contains(message);
    }

    @Test
    void shouldLoadTheMinimalFixture() {
        Questionnaire questionnaire = QuestionnaireLoader.parse(MINIMAL, "minimal.yaml");

        assertThat(questionnaire.questions()).extracting(Question::id).containsExactly("fever", "temperature", "symptoms", "places");
        assertThat(questionnaire.question("fever").orElseThrow().keypad().keys()).containsEntry("1", "yes").containsEntry("2", "no");
        assertThat(questionnaire.question("symptoms").orElseThrow().keypadFallback()).isEmpty();
        assertThat(questionnaire.question("temperature").orElseThrow().confidenceThreshold()).isEqualTo(0.6);
    }

    @Test
    void shouldNameTheLineOfAProblem() {
        String yaml = MINIMAL.replace("range: {min: 34, max: 43}", "range: {min: 43, max: 34}");
        int line = lineOf(yaml, "range: {min: 43, max: 34}");

        QuestionnaireException refused = catchThrowableOfType(QuestionnaireException.class, () -> QuestionnaireLoader.parse(yaml, "broken.yaml"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> assertThat(problem.line()).isEqualTo(line));
        assertThat(refused.getMessage()).contains("(line " + line);
    }

    @Test
    void shouldReportASyntaxErrorWithLineAndColumn() {
        String yaml = MINIMAL.replace("range: {min: 34, max: 43}", "range: {min: 34, max: 43");

        QuestionnaireException refused = catchThrowableOfType(QuestionnaireException.class, () -> QuestionnaireLoader.parse(yaml, "broken.yaml"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("YAML syntax error");
            assertThat(problem.line()).isPositive();
            assertThat(problem.column()).isPositive();
        });
        assertThat(refused.getMessage()).contains("line ").contains("column ");
    }

    @Test
    void shouldReportADuplicateKeyAsASyntaxError() {
        String yaml = MINIMAL.replace("id: mini", "id: mini\nid: other");

        assertThatThrownBy(() -> QuestionnaireLoader.parse(yaml, "broken.yaml"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("Duplicate")
                .hasMessageContaining("each key may appear once");
    }

    @Test
    void shouldReportEveryProblemOfAFileAtOnce() {
        String yaml = MINIMAL.replace("type: yes_no", "type: yesno")
                .replace("range: {min: 34, max: 43}", "range: {min: 43, max: 34}")
                .replace("{question: temperature, gte: 37.5}", "{question: temp, gte: 37.5}");

        QuestionnaireException refused = catchThrowableOfType(QuestionnaireException.class, () -> QuestionnaireLoader.parse(yaml, "broken.yaml"));

        assertThat(refused.problems()).extracting(QuestionnaireProblem::path)
                .contains("questions[0].type", "questions[1].range.max", "triage[0].when.question");
        assertThat(refused.getMessage()).contains("3 problems");
    }

    @Test
    void shouldNotAlsoCallABrokenQuestionUnknownWhereItIsReferenced() {
        String yaml = MINIMAL.replace("type: number", "type: numbr");

        QuestionnaireException refused = catchThrowableOfType(QuestionnaireException.class, () -> QuestionnaireLoader.parse(yaml, "broken.yaml"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("questions[1].type");
            assertThat(problem.message()).contains("did you mean 'number'");
        });
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertThatThrownBy(() -> QuestionnaireLoader.parse("", "empty.yaml"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("empty.yaml")
                .hasMessageContaining("the file is empty");
    }

    @Test
    void shouldRefuseADocumentThatIsNotAMap() {
        assertThatThrownBy(() -> QuestionnaireLoader.parse("- a\n- b\n", "list.yaml"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("must be a YAML map");
    }

    @Test
    void shouldNameAMissingFile(@TempDir Path directory) {
        Path missing = directory.resolve("nowhere.yaml");

        assertThatThrownBy(() -> QuestionnaireLoader.load(missing))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("file not found");
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8(@TempDir Path directory) throws IOException {
        Path latin1 = directory.resolve("latin1.yaml");
        Files.write(latin1, "id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> QuestionnaireLoader.load(latin1))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("latin1.yaml")
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void shouldLoadAValidFileFromDisk(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("mini.yaml");
        Files.writeString(file, MINIMAL);

        assertThat(QuestionnaireLoader.load(file).id()).isEqualTo("mini");
    }

    @Test
    void shouldNameAMissingClasspathResource() {
        assertThatThrownBy(() -> QuestionnaireLoader.loadResource("questionnaires/none.yaml"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("classpath:questionnaires/none.yaml");
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment);
    }

    private static String resource(String name) {
        try (InputStream in = QuestionnaireValidationTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
