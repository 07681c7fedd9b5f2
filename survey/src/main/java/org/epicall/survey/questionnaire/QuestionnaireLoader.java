package org.epicall.survey.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads and validates questionnaire YAML files (format: see {@code questionnaires/covid-checkin.yaml}
 * in this module's resources).
 *
 * <p>Every problem in a file is reported at once in a {@link QuestionnaireException}: the file, the
 * path within it ({@code questions[3].range.max}), the line, what is wrong and how to fix it.
 * Stateless and thread-safe; never returns {@code null}.
 */
public final class QuestionnaireLoader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private QuestionnaireLoader() {
    }

    /**
     * Loads the questionnaire file at {@code file} (UTF-8 YAML).
     *
     * @throws QuestionnaireException if the file cannot be read or is not a valid questionnaire
     */
    public static Questionnaire load(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw fileProblem(source, "file not found; check the path (working directory: "
                    + Path.of("").toAbsolutePath() + ")", missing);
        } catch (IOException unreadable) {
            throw fileProblem(source, "cannot read the file (" + unreadable.getClass().getSimpleName() + ": "
                    + unreadable.getMessage() + "); check that it exists, is a file and is readable", unreadable);
        }
        return parse(decode(bytes, source), source);
    }

    /**
     * Loads a questionnaire from the classpath, e.g. {@code questionnaires/covid-checkin.yaml}.
     *
     * @throws QuestionnaireException if there is no such resource or it is not a valid questionnaire
     */
    public static Questionnaire loadResource(String classpathName) {
        String name = classpathName.startsWith("/") ? classpathName.substring(1) : classpathName;
        String source = "classpath:" + name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : QuestionnaireLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw fileProblem(source, "no such resource on the classpath; the shipped questionnaire is questionnaires/covid-checkin.yaml", null);
            }
            return parse(decode(in.readAllBytes(), source), source);
        } catch (IOException unreadable) {
            throw fileProblem(source, "cannot read the resource: " + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * Parses questionnaire YAML given as text.
     *
     * @param yaml   the document
     * @param source how to name it in error messages (a file name)
     * @throws QuestionnaireException if it is not a valid questionnaire
     */
    public static Questionnaire parse(String yaml, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(yaml);
        } catch (JacksonException syntax) {
            throw syntaxProblem(source, syntax);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw fileProblem(source, "the file is empty; a questionnaire needs at least id, languages, messages and questions", null);
        }
        Problems problems = new Problems(YamlLocations.index(MAPPER, yaml));
        Questionnaire questionnaire = new QuestionnaireReader(problems).read(YamlNode.root(tree));
        if (questionnaire == null || !problems.isEmpty()) {
            throw new QuestionnaireException(source, problems.sorted());
        }
        return questionnaire;
    }

    private static String decode(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw fileProblem(source, "the file is not UTF-8 text; save it as UTF-8", notUtf8);
        }
    }

    private static QuestionnaireException syntaxProblem(String source, JacksonException syntax) {
        TokenStreamLocation location = syntax.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        String detail = syntax.getOriginalMessage() == null ? syntax.getClass().getSimpleName() : firstLine(syntax.getOriginalMessage());
        String hint = detail.contains("Duplicate") ? "; each key may appear once per map" : "; check indentation, quotes and colons around this spot";
        return new QuestionnaireException(source,
                List.of(new QuestionnaireProblem("", line, column, "YAML syntax error: " + detail + hint)), syntax);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    private static QuestionnaireException fileProblem(String source, String message, Throwable cause) {
        return new QuestionnaireException(source, List.of(new QuestionnaireProblem("", 0, 0, message)), cause);
    }
}
