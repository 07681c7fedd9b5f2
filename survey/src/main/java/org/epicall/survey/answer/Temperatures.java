package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

import org.epicall.survey.questionnaire.NumberSpec;

/** Range checks for numbers, with the °F reading of a °C question where the spec allows it. */
final class Temperatures {

    private static final BigDecimal NINE = BigDecimal.valueOf(9);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal THIRTY_TWO = BigDecimal.valueOf(32);

    /** A value in the question's unit, and how it was reached. */
    record InRange(BigDecimal value, String note, boolean converted) {
    }

    private Temperatures() {
    }

    /**
     * The value in range, converting from °F when the spec accepts it and either the resident said
     * Fahrenheit or the number is plausible only as °F.
     *
     * @param saidFahrenheit the resident named °F
     * @param celsiusOnly    no conversion may be tried (the resident named °C, or the language does
     *                       not use °F unless said)
     */
    static Optional<InRange> inRange(NumberSpec spec, BigDecimal said, boolean saidFahrenheit, boolean celsiusOnly) {
        if (!saidFahrenheit && spec.contains(said)) {
            return Optional.of(new InRange(said, "", false));
        }
        if (!spec.acceptFahrenheit() || celsiusOnly) {
            return Optional.empty();
        }
        BigDecimal celsius = said.subtract(THIRTY_TWO).multiply(FIVE).divide(NINE, MathContext.DECIMAL64)
                .setScale(spec.decimals(), RoundingMode.HALF_UP);
        if (!spec.contains(celsius)) {
            return Optional.empty();
        }
        return Optional.of(new InRange(celsius, "converted from " + said.toPlainString() + " °F to "
                + celsius.toPlainString() + " °C", true));
    }

    /** The plausible range of a °C spec expressed in °F, for grammars. */
    static BigDecimal toFahrenheit(BigDecimal celsius) {
        return celsius.multiply(NINE).divide(FIVE, MathContext.DECIMAL64).add(THIRTY_TWO);
    }
}
