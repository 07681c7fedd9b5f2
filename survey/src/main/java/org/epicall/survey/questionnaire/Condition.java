package org.epicall.survey.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A test on the answers given so far, used by follow-ups and triage rules. In YAML it is a
 * structured map, never an expression string:
 *
 * <pre>{@code
 * {question: temperature, gte: 37.5}
 * {all: [{question: travel, equals: yes}, {question: symptoms, includes: cough}]}
 * {any: [...]}     {not: {...}}
 * }</pre>
 *
 * <p>Answers are keyed by question id and hold the typed values described in
 * {@link org.epicall.survey.call.AnsweredQuestion#value()}. A comparison on a question that was not
 * answered (absent or {@code null}) is false, so {@code not} of it is true. Immutable and
 * thread-safe.
 */
public sealed interface Condition {

    /** Whether the condition holds for {@code answers}; never throws on unexpected value types. */
    boolean test(Map<String, ?> answers);

    /** Every comparison inside this condition, for validation and listing. */
    List<Comparison> comparisons();

    /** True when every part is true (and for an empty list). */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            return parts.stream().allMatch(part -> part.test(answers));
        }

        @Override
        public List<Comparison> comparisons() {
            return parts.stream().flatMap(part -> part.comparisons().stream()).toList();
        }
    }

    /** True when at least one part is true. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            return parts.stream().anyMatch(part -> part.test(answers));
        }

        @Override
        public List<Comparison> comparisons() {
            return parts.stream().flatMap(part -> part.comparisons().stream()).toList();
        }
    }

    /** True when {@code part} is false. */
    record Not(Condition part) implements Condition {
        public Not {
            Objects.requireNonNull(part, "part");
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            return !part.test(answers);
        }

        @Override
        public List<Comparison> comparisons() {
            return part.comparisons();
        }
    }

    /** The comparison operators, named as in YAML. */
    enum Operator {
        /** Same yes/no, number (numerically) or text. */
        EQUALS("equals"),
        GTE("gte"),
        GT("gt"),
        LTE("lte"),
        LT("lt"),
        /** A choice answer that contains the option id. */
        INCLUDES("includes"),
        /** {@code answered: true} holds when the question has a value, {@code false} when not. */
        ANSWERED("answered");

        private final String yamlName;

        Operator(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        /** Whether this compares order and so needs a number. */
        public boolean isOrdering() {
            return this == GTE || this == GT || this == LTE || this == LT;
        }
    }

    /**
     * One question's answer compared with a constant.
     *
     * @param questionId the question whose answer is compared
     * @param operator   how
     * @param operand    {@code Boolean} for yes/no and {@code answered}, {@code BigDecimal} for
     *                   numbers and days, {@code String} for option ids and text
     */
    record Comparison(String questionId, Operator operator, Object operand) implements Condition {
        public Comparison {
            Objects.requireNonNull(questionId, "questionId");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            Object value = answers.get(questionId);
            if (operator == Operator.ANSWERED) {
                return (value != null) == Boolean.TRUE.equals(operand);
            }
            if (value == null) {
                return false;
            }
            return switch (operator) {
                case EQUALS -> equalsOperand(value);
                case INCLUDES -> value instanceof List<?> list ? list.contains(operand) : operand.equals(value);
                case GTE, GT, LTE, LT -> ordered(value);
                case ANSWERED -> throw new AssertionError("handled above");
            };
        }

        @Override
        public List<Comparison> comparisons() {
            return List.of(this);
        }

        private boolean equalsOperand(Object value) {
            if (operand instanceof BigDecimal number) {
                return toDecimal(value) != null && toDecimal(value).compareTo(number) == 0;
            }
            if (value instanceof List<?> list) {
                return list.size() == 1 && list.getFirst().equals(operand);
            }
            return operand.equals(value);
        }

        private boolean ordered(Object value) {
            BigDecimal number = toDecimal(value);
            if (number == null || !(operand instanceof BigDecimal bound)) {
                return false;
            }
            int order = number.compareTo(bound);
            return switch (operator) {
                case GTE -> order >= 0;
                case GT -> order > 0;
                case LTE -> order <= 0;
                case LT -> order < 0;
                default -> throw new AssertionError(operator);
            };
        }

        private static BigDecimal toDecimal(Object value) {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Number number) {
                try {
                    return new BigDecimal(number.toString());
                } catch (NumberFormatException notFinite) {
                    return null;
                }
            }
            return null;
        }
    }
}
