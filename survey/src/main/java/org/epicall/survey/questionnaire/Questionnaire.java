package org.epicall.survey.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated questionnaire, as loaded by {@link QuestionnaireLoader}. Immutable and thread-safe:
 * one instance may serve every call of a campaign.
 *
 * @param id                         questionnaire id, referenced by {@code DialRequest.questionnaireId}
 * @param version                    version label of the file, e.g. {@code 1}
 * @param languages                  the language-pack ids every text is given in, e.g. {@code [ko, en]}
 * @param messages                   texts said around the questions
 * @param consentQuestionId          id of the yes/no question whose "no" ends the call as declined,
 *                                   or {@code null} when there is none
 * @param defaultConfidenceThreshold threshold for questions that set none of their own
 * @param questions                  all questions in file order, follow-ups included
 * @param triageRules                the rules that flag a resident for follow-up
 */
public record Questionnaire(
        String id,
        String version,
        List<String> languages,
        Messages messages,
        String consentQuestionId,
        double defaultConfidenceThreshold,
        List<Question> questions,
        List<TriageRule> triageRules) {

    public Questionnaire {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(messages, "messages");
        languages = List.copyOf(languages);
        questions = List.copyOf(questions);
        triageRules = List.copyOf(triageRules);
    }

    /** The question with id {@code questionId}, if there is one. */
    public Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    /** Questions by id. */
    public Map<String, Question> questionsById() {
        return questions.stream().collect(Collectors.toUnmodifiableMap(Question::id, Function.identity()));
    }

    /** The consent question, if the questionnaire has one. */
    public Optional<Question> consentQuestion() {
        return Optional.ofNullable(consentQuestionId).flatMap(this::question);
    }

    /** The order in which questions are asked; see {@link QuestionSequence}. */
    public QuestionSequence sequence() {
        return new QuestionSequence(this);
    }
}
