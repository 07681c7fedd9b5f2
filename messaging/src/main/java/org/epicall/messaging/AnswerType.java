package org.epicall.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** The JSON type of an answer's {@code value} in a survey result, so analysts need not guess it. */
public enum AnswerType {
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A decimal number (e.g. a temperature). */
    NUMBER,
    /** A whole number of days ago. */
    DAYS,
    /** A list of option ids. */
    CHOICES,
    /** An ISO-8601 date, {@code yyyy-MM-dd}. */
    DATE,
    /** Free text. */
    TEXT,
    /** No usable answer; {@code value} is null. */
    NONE;

    /** Classifies a value as {@link org.epicall.survey.call.AnsweredQuestion#value()} documents it. */
    public static AnswerType of(Object value) {
        return switch (value) {
            case null -> NONE;
            case Boolean b -> BOOLEAN;
            case Integer i -> DAYS;
            case BigDecimal d -> NUMBER;
            case Number n -> NUMBER;
            case List<?> l -> CHOICES;
            case String s -> isIsoDate(s) ? DATE : TEXT;
            default -> TEXT;
        };
    }

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static boolean isIsoDate(String s) {
        // Checked by shape first: a parse exception for every free-text answer would cost more than the answer.
        if (!DATE_SHAPE.matcher(s).matches()) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
