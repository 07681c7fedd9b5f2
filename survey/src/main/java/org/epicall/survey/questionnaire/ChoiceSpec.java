package org.epicall.survey.questionnaire;

import java.util.List;
import java.util.Optional;

/**
 * The options of a {@link QuestionType#CHOICE} question.
 *
 * @param options  the options in the order they are read out; keypad key {@code n} is option
 *                 {@code n} unless the question's keypad says otherwise
 * @param multiple whether several options may be chosen at once (e.g. symptoms)
 */
public record ChoiceSpec(List<ChoiceOption> options, boolean multiple) {

    public ChoiceSpec {
        options = List.copyOf(options);
    }

    /** The option with id {@code id}, if any. */
    public Optional<ChoiceOption> option(String id) {
        return options.stream().filter(option -> option.id().equals(id)).findFirst();
    }
}
