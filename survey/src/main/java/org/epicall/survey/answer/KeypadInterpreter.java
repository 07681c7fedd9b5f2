package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.epicall.survey.questionnaire.ChoiceOption;
import org.epicall.survey.questionnaire.Keypad;
import org.epicall.survey.questionnaire.NumberSpec;
import org.epicall.survey.questionnaire.Question;

/**
 * Interprets keys pressed for the keypad fallback. A trailing {@code #} (finish) is ignored.
 * <ul>
 *   <li>yes/no: one key of the question's mapping (by default 1 = yes, 2 = no);</li>
 *   <li>number: digits with {@code *} as the decimal point ({@code 37*5} = 37.5), in range (a °F
 *       value is converted where the question allows it);</li>
 *   <li>choice: the option's key; for a multiple choice several keys ({@code 13} = options 1 and 3);</li>
 *   <li>days ago: digits;</li>
 *   <li>date: {@code YYYYMMDD}, or {@code MMDD} for the latest such date not after today.</li>
 * </ul>
 * A valid entry has confidence 1; anything else is no match. Stateless and thread-safe.
 */
public final class KeypadInterpreter {

    private final Clock clock;

    /** A keypad interpreter whose "today" (for dates) comes from the system clock. */
    public KeypadInterpreter() {
        this(Clock.systemDefaultZone());
    }

    public KeypadInterpreter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param question the question answered
     * @param keys     the keys pressed, e.g. {@code "1"}, {@code "37*5#"}; {@code null} is no match
     */
    public Interpretation interpret(Question question, String keys) {
        Objects.requireNonNull(question, "question");
        String entry = keys == null ? "" : keys.strip();
        if (entry.endsWith("#")) {
            entry = entry.substring(0, entry.length() - 1);
        }
        if (entry.isEmpty()) {
            return Interpretation.noMatch("no keys pressed");
        }
        if (!entry.matches("[0-9*]+")) {
            return Interpretation.noMatch("'" + keys + "' contains keys other than 0-9, * and a final #");
        }
        Optional<Keypad> keypad = question.keypadFallback();
        if (keypad.isEmpty()) {
            return Interpretation.noMatch("question " + question.id() + " has no keypad fallback");
        }
        return switch (question.type()) {
            case YES_NO -> yesNo(keypad.get().keys(), entry);
            case NUMBER -> number(question.numberSpec(), entry);
            case CHOICE -> choice(question, keypad.get().keys(), entry);
            case DAYS_AGO -> daysAgo(question.numberSpec(), entry);
            case DATE -> date(entry);
            case FREE_TEXT -> Interpretation.noMatch("free text cannot be typed on a keypad");
        };
    }

    private static Interpretation yesNo(Map<String, String> mapping, String entry) {
        String answer = mapping.get(entry);
        if (answer == null) {
            return Interpretation.noMatch("key " + entry + " is not one of " + mapping.keySet());
        }
        return Interpretation.of(answer.equals("yes"), 1.0);
    }

    private static Interpretation number(NumberSpec spec, String entry) {
        if (!entry.matches("[0-9]+(\\*[0-9]+)?")) {
            return Interpretation.noMatch("'" + entry + "' is not a number; use * once as the decimal point");
        }
        BigDecimal typed = new BigDecimal(entry.replace('*', '.'));
        if (typed.stripTrailingZeros().scale() > spec.decimals()) {
            return Interpretation.noMatch(typed.toPlainString() + " has more than " + spec.decimals() + " decimal place(s)");
        }
        return Temperatures.inRange(spec, typed, false, false)
                .map(inRange -> Interpretation.of(inRange.value(), 1.0, inRange.note()))
                .orElseGet(() -> Interpretation.noMatch(typed.toPlainString() + " is outside the plausible range "
                        + spec.min().toPlainString() + "–" + spec.max().toPlainString() + " " + spec.unit()));
    }

    private static Interpretation choice(Question question, Map<String, String> mapping, String entry) {
        if (entry.contains("*")) {
            return Interpretation.noMatch("* is not an option key");
        }
        if (!question.choiceSpec().multiple() && entry.length() != 1) {
            return Interpretation.noMatch("press one key for this question, not " + entry);
        }
        List<String> chosen = new ArrayList<>();
        for (char key : entry.toCharArray()) {
            String optionId = mapping.get(String.valueOf(key));
            if (optionId == null) {
                return Interpretation.noMatch("key " + key + " is not one of " + mapping.keySet());
            }
            if (!chosen.contains(optionId)) {
                chosen.add(optionId);
            }
        }
        List<String> ordered = question.choiceSpec().options().stream().map(ChoiceOption::id).filter(chosen::contains).toList();
        boolean exclusive = question.choiceSpec().options().stream()
                .anyMatch(option -> option.exclusive() && ordered.contains(option.id()));
        if (exclusive && ordered.size() > 1) {
            return Interpretation.noMatch("contradiction: an exclusive option was pressed with others: " + ordered);
        }
        return Interpretation.of(ordered, 1.0);
    }

    private static Interpretation daysAgo(NumberSpec spec, String entry) {
        if (!entry.matches("[0-9]{1,6}")) {
            return Interpretation.noMatch("'" + entry + "' is not a whole number of days");
        }
        int days = Integer.parseInt(entry);
        if (!spec.contains(BigDecimal.valueOf(days))) {
            return Interpretation.noMatch(days + " days is outside the range " + spec.min().toPlainString() + "–" + spec.max().toPlainString());
        }
        return Interpretation.of(days, 1.0);
    }

    private Interpretation date(String entry) {
        LocalDate today = LocalDate.now(clock);
        try {
            if (entry.matches("[0-9]{8}")) {
                LocalDate date = LocalDate.of(Integer.parseInt(entry.substring(0, 4)), Integer.parseInt(entry.substring(4, 6)),
                        Integer.parseInt(entry.substring(6)));
                return date.isAfter(today) ? Interpretation.noMatch(date + " is in the future") : Interpretation.of(date.toString(), 1.0);
            }
            if (entry.matches("[0-9]{4}")) {
                int month = Integer.parseInt(entry.substring(0, 2));
                int day = Integer.parseInt(entry.substring(2));
                LocalDate date = LocalDate.of(today.getYear(), month, day);
                if (date.isAfter(today)) {
                    date = LocalDate.of(today.getYear() - 1, month, day);
                }
                return Interpretation.of(date.toString(), 1.0);
            }
        } catch (DateTimeException impossible) {
            return Interpretation.noMatch("'" + entry + "' is not a calendar date");
        }
        return Interpretation.noMatch("type a date as YYYYMMDD or MMDD, not '" + entry + "'");
    }
}
