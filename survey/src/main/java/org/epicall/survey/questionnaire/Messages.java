package org.epicall.survey.questionnaire;

import java.util.Objects;

/**
 * What the call says around the questions, per language.
 *
 * @param intro         said when the resident answers, before the first question
 * @param thankYou      said after the last question
 * @param declined      said when the resident declines consent, before hanging up
 * @param notUnderstood said before a re-ask ("Sorry, I did not catch that.")
 * @param keypadIntro   said before falling back to the keypad
 */
public record Messages(
        LocalizedText intro,
        LocalizedText thankYou,
        LocalizedText declined,
        LocalizedText notUnderstood,
        LocalizedText keypadIntro) {

    public Messages {
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(thankYou, "thankYou");
        Objects.requireNonNull(declined, "declined");
        Objects.requireNonNull(notUnderstood, "notUnderstood");
        Objects.requireNonNull(keypadIntro, "keypadIntro");
    }
}
