package org.epicall.survey.questionnaire;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The unit and plausible range of a {@link QuestionType#NUMBER} or {@link QuestionType#DAYS_AGO}
 * answer. Answers outside {@code [min, max]} are not accepted.
 *
 * @param unit             unit of the recorded value, e.g. {@code °C}; {@code days} for days-ago
 * @param min              smallest plausible value, inclusive
 * @param max              largest plausible value, inclusive, {@code >= min}
 * @param decimals         how many decimal places an answer may have (0 for whole numbers)
 * @param acceptFahrenheit for a {@code °C} question: a value that is plausible in °F (the range
 *                         converted to °F) is converted to °C, and the interpretation says so
 */
public record NumberSpec(String unit, BigDecimal min, BigDecimal max, int decimals, boolean acceptFahrenheit) {

    public NumberSpec {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, was " + decimals);
        }
    }

    /** Whether {@code value} lies in {@code [min, max]}. */
    public boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** Whether this is a Celsius temperature ({@code °C}, {@code C} or {@code celsius}). */
    public boolean isCelsius() {
        return unit.equalsIgnoreCase("°C") || unit.equalsIgnoreCase("C") || unit.equalsIgnoreCase("celsius");
    }
}
