package org.epicall.survey.language;

import java.util.List;
import java.util.Map;

/**
 * How a voice answer is read back for confirmation before a value that raises a triage flag is
 * accepted: "37.5도라고 하셨습니까? 맞으면 1번, 아니면 2번을 눌러 주세요."
 *
 * @param prompt the question, with {@code {value}} where the answer is said
 * @param promptAfterConsonant the same after a Korean syllable ending in a consonant (중국이라고, not
 *               중국라고); {@code prompt} when not given
 * @param yes    how a yes is said back (네)
 * @param no     how a no is said back (아니요)
 * @param units  how a question's unit is said after a number ({@code °C} → 도); the unit as written otherwise
 */
public record ConfirmationWords(String prompt, String promptAfterConsonant, String yes, String no, Map<String, String> units) {

    public ConfirmationWords {
        if (prompt != null && !prompt.contains("{value}")) {
            throw new IllegalArgumentException("confirmation.prompt must say {value} where the answer goes");
        }
        promptAfterConsonant = promptAfterConsonant == null ? prompt : promptAfterConsonant;
        units = LanguagePack.optional(units);
    }

    /** The prompt with {@code said} in it, in the form that fits how {@code said} ends. */
    public String prompt(String said) {
        boolean consonant = !said.isEmpty() && !new ParticleForms(List.of("c"), List.of("v")).after(said).equals(List.of("v"))
                && !new ParticleForms(List.of("c"), List.of("v")).after(said).isEmpty();
        return (consonant ? promptAfterConsonant : prompt).replace("{value}", said);
    }
}
