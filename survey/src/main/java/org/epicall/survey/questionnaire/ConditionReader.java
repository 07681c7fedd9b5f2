package org.epicall.survey.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.epicall.survey.questionnaire.Condition.Operator;

/** Reads the structured conditions of follow-ups and triage rules, checking them against the questions. */
final class ConditionReader {

    /** What a condition needs to know of the question it tests. */
    record Target(QuestionType type, NumberSpec numberSpec, ChoiceSpec choiceSpec) {
    }

    private static final List<String> OPERATORS = Arrays.stream(Operator.values()).map(Operator::yamlName).toList();

    private final Problems problems;
    private final Map<String, Target> targets;
    private final Set<String> brokenButDeclared;

    /**
     * @param targets  the readable questions by id
     * @param declared ids of every question, including ones whose own problems were reported already
     */
    ConditionReader(Problems problems, Map<String, Target> targets, Set<String> declared) {
        this.problems = problems;
        this.targets = targets;
        this.brokenButDeclared = declared;
    }

    /**
     * The condition at {@code node}, or {@code null} after recording problems.
     *
     * @param defaultQuestion question a comparison without {@code question} refers to (the parent of
     *                        a follow-up), or {@code null} when {@code question} is required
     */
    Condition read(YamlNode node, String defaultQuestion) {
        if (!node.isMap()) {
            problems.add(node, "a condition is a map such as {question: temperature, gte: 37.5}, {all: [...]}, {any: [...]} or {not: {...}}, but is "
                    + node.describe());
            return null;
        }
        List<String> keys = node.keys();
        for (String combinator : List.of("all", "any", "not")) {
            if (keys.contains(combinator)) {
                if (keys.size() != 1) {
                    problems.add(node, "'" + combinator + "' must stand alone in its map; move " + keys.stream().filter(k -> !k.equals(combinator)).toList()
                            + " into a condition of its own");
                    return null;
                }
                return combinator.equals("not") ? not(node.get("not"), defaultQuestion) : group(node.get(combinator), combinator, defaultQuestion);
            }
        }
        return comparison(node, defaultQuestion);
    }

    private Condition not(YamlNode node, String defaultQuestion) {
        Condition part = read(node, defaultQuestion);
        return part == null ? null : new Condition.Not(part);
    }

    private Condition group(YamlNode node, String combinator, String defaultQuestion) {
        if (!node.isList() || node.elements().isEmpty()) {
            problems.add(node, "'" + combinator + "' takes a non-empty list of conditions, but is " + node.describe());
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        for (YamlNode element : node.elements()) {
            parts.add(read(element, defaultQuestion));
        }
        if (parts.contains(null)) {
            return null;
        }
        return combinator.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
    }

    private Condition comparison(YamlNode node, String defaultQuestion) {
        List<String> operators = node.keys().stream().filter(OPERATORS::contains).toList();
        List<String> unknown = node.keys().stream().filter(key -> !key.equals("question") && !OPERATORS.contains(key)).toList();
        for (String key : unknown) {
            problems.add(node.get(key), "unknown key '" + key + "' in condition" + Suggestions.didYouMean(key, OPERATORS)
                    + "; a comparison has 'question' and one of " + OPERATORS + ", or use all/any/not");
        }
        if (!unknown.isEmpty()) {
            return null;
        }
        if (operators.size() != 1) {
            problems.add(node, "a comparison needs exactly one operator of " + OPERATORS + ", but has "
                    + (operators.isEmpty() ? "none" : operators));
            return null;
        }
        YamlNode questionNode = node.get("question");
        String questionId = questionNode.isMissing() ? defaultQuestion : questionNode.text();
        if (questionId == null) {
            problems.add(questionNode, "a comparison needs 'question', the id of the question whose answer it tests");
            return null;
        }
        Target target = targets.get(questionId);
        if (target == null && brokenButDeclared.contains(questionId)) {
            return null;
        }
        if (target == null) {
            problems.add(questionNode.isMissing() ? node : questionNode, "condition refers to unknown question '" + questionId + "'"
                    + Suggestions.didYouMean(questionId, targets.keySet()) + "; use the id of a question in this file");
            return null;
        }
        Operator operator = Operator.valueOf(operators.getFirst().toUpperCase(Locale.ROOT));
        YamlNode operandNode = node.get(operators.getFirst());
        Object operand = operand(operandNode, operator, questionId, target);
        return operand == null ? null : new Condition.Comparison(questionId, operator, operand);
    }

    private Object operand(YamlNode node, Operator operator, String questionId, Target target) {
        if (operator == Operator.ANSWERED) {
            Optional<Boolean> flag = yesNo(node);
            if (flag.isEmpty()) {
                problems.add(node, "'answered' takes true or false, not " + node.describe());
            }
            return flag.orElse(null);
        }
        QuestionType type = target.type();
        return switch (type) {
            case YES_NO -> yesNoOperand(node, operator, questionId);
            case NUMBER, DAYS_AGO -> numberOperand(node, operator, questionId, target);
            case CHOICE -> optionOperand(node, operator, questionId, target.choiceSpec());
            case DATE, FREE_TEXT -> textOperand(node, operator, questionId, type);
        };
    }

    private Object yesNoOperand(YamlNode node, Operator operator, String questionId) {
        if (operator != Operator.EQUALS) {
            problems.add(node, "'" + questionId + "' is a yes_no question; compare it with 'equals: yes' or 'equals: no', not '"
                    + operator.yamlName() + "'");
            return null;
        }
        Optional<Boolean> answer = yesNo(node);
        if (answer.isEmpty()) {
            problems.add(node, "'" + questionId + "' is a yes_no question; 'equals' takes yes or no, not " + node.describe());
        }
        return answer.orElse(null);
    }

    private Object numberOperand(YamlNode node, Operator operator, String questionId, Target target) {
        if (operator == Operator.INCLUDES) {
            problems.add(node, "'includes' applies to choice questions; '" + questionId + "' is a number, so use equals, gte, gt, lte or lt");
            return null;
        }
        if (!node.isScalar() || !node.node().isNumber()) {
            problems.add(node, "'" + questionId + "' is a number question; '" + operator.yamlName() + "' takes a number, not " + node.describe());
            return null;
        }
        BigDecimal bound = node.node().decimalValue();
        NumberSpec spec = target.numberSpec();
        if (spec != null && (bound.compareTo(spec.min()) < 0 || bound.compareTo(spec.max()) > 0)) {
            problems.add(node, operator.yamlName() + " " + bound.toPlainString() + " lies outside the range of '" + questionId + "' ("
                    + spec.min().toPlainString() + " to " + spec.max().toPlainString() + "), so the condition is always or never true; "
                    + "use a value inside the range");
            return null;
        }
        return bound;
    }

    private Object optionOperand(YamlNode node, Operator operator, String questionId, ChoiceSpec spec) {
        if (operator.isOrdering()) {
            problems.add(node, "'" + questionId + "' is a choice question; test it with 'includes: OPTION_ID', not '" + operator.yamlName() + "'");
            return null;
        }
        if (spec == null) {
            return null;
        }
        String optionId = node.text();
        List<String> optionIds = spec == null ? List.of() : spec.options().stream().map(ChoiceOption::id).toList();
        if (optionId == null || !optionIds.contains(optionId)) {
            problems.add(node, "'" + questionId + "' has no option " + node.describe()
                    + (optionId == null ? "" : Suggestions.didYouMean(optionId, optionIds)) + "; its options are " + optionIds);
            return null;
        }
        return optionId;
    }

    private Object textOperand(YamlNode node, Operator operator, String questionId, QuestionType type) {
        if (operator != Operator.EQUALS) {
            problems.add(node, "'" + questionId + "' is a " + type.yamlName() + " question; only 'equals' and 'answered' apply to it");
            return null;
        }
        String text = node.text();
        if (text == null) {
            problems.add(node, "'equals' takes a text here, not " + node.describe());
        }
        return text;
    }

    private static Optional<Boolean> yesNo(YamlNode node) {
        if (node.isScalar() && node.node().isBoolean()) {
            return Optional.of(node.node().booleanValue());
        }
        String text = node.text();
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Optional.of(true);
            case "no", "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
