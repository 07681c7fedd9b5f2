package org.epicall.survey.questionnaire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a questionnaire. Immutable; built by {@link QuestionnaireLoader}, which
 * guarantees a prompt and re-prompt in every declared language and the spec matching the type.
 *
 * @param id                  unique id within the questionnaire, e.g. {@code temperature}
 * @param type                what kind of answer is expected
 * @param prompt              what is asked, per language
 * @param reprompt            what is asked when the first answer was unclear, per language
 * @param keypad              the keypad fallback, or {@code null} when the question is voice-only
 *                            (always {@code null} for free text)
 * @param numberSpec          unit and range; non-null exactly for {@code NUMBER} and {@code DAYS_AGO}
 * @param choiceSpec          options; non-null exactly for {@code CHOICE}
 * @param followUps           questions asked right after this one when their condition holds
 * @param confidenceThreshold the answer confidence (0..1) at or above which a voice answer is
 *                            accepted: this question's own, else the questionnaire's default
 * @param yesNoPhrases        yes/no phrases for this question only (yes_no questions); never null
 * @param asksPermission      a yes_no question asking the resident's agreement (the consent question,
 *                            "may we call you back?"): agreeing words (좋아요, 그럴게요) mean yes and
 *                            refusals (사양할게요, 싫어요) no; to a question of fact they are no answer
 */
public record Question(
        String id,
        QuestionType type,
        LocalizedText prompt,
        LocalizedText reprompt,
        Keypad keypad,
        NumberSpec numberSpec,
        ChoiceSpec choiceSpec,
        List<FollowUp> followUps,
        double confidenceThreshold,
        YesNoPhrases yesNoPhrases,
        boolean asksPermission) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(reprompt, "reprompt");
        followUps = List.copyOf(followUps);
        yesNoPhrases = yesNoPhrases == null ? YesNoPhrases.NONE : yesNoPhrases;
        if ((numberSpec != null) != (type == QuestionType.NUMBER || type == QuestionType.DAYS_AGO)) {
            throw new IllegalArgumentException("question " + id + ": numberSpec is required for number and days_ago only");
        }
        if (asksPermission && type != QuestionType.YES_NO) {
            throw new IllegalArgumentException("question " + id + ": only a yes_no question asks permission");
        }
        if ((choiceSpec != null) != (type == QuestionType.CHOICE)) {
            throw new IllegalArgumentException("question " + id + ": choiceSpec is required for choice only");
        }
        if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1)) {
            throw new IllegalArgumentException("question " + id + ": confidenceThreshold must be in 0..1, was " + confidenceThreshold);
        }
    }

    /** The keypad fallback, empty when the question is voice-only. */
    public Optional<Keypad> keypadFallback() {
        return Optional.ofNullable(keypad);
    }
}
