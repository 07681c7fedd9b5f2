package org.epicall.survey.questionnaire;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the scalar fields and texts of a questionnaire, recording a problem for each bad one. */
final class Fields {

    static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.6;
    static final Pattern QUESTIONNAIRE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    static final String ID_RULE = "lower-case letters, digits and '_', starting with a letter";

    private final Problems problems;
    private final List<String> languages;

    /** @param languages the questionnaire's declared languages, which every text must be given in */
    Fields(Problems problems, List<String> languages) {
        this.problems = problems;
        this.languages = List.copyOf(languages);
    }

    void checkKeys(YamlNode map, Set<String> allowed) {
        for (String key : map.keys()) {
            if (!allowed.contains(key)) {
                problems.add(map.get(key), "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed)
                        + "; allowed here: " + allowed.stream().sorted().toList());
            }
        }
    }

    boolean requireMap(YamlNode node, String expectation) {
        if (node.isMap()) {
            return true;
        }
        problems.add(node, node.isMissing() ? expectation + ", but it is missing" : expectation + ", but is " + node.describe());
        return false;
    }

    String identifier(YamlNode node, Pattern pattern, String rule) {
        if (node.isMissing()) {
            problems.add(node, "'id' is required (" + rule + ")");
            return null;
        }
        String id = node.text();
        if (id == null || !pattern.matcher(id).matches()) {
            problems.add(node, "id " + node.describe() + " is not valid; use " + rule);
            return null;
        }
        return id;
    }

    String scalarText(YamlNode node, String expectation) {
        String text = node.text();
        if (text == null || text.isBlank()) {
            problems.add(node, "expected " + expectation + ", but found " + node.describe());
            return null;
        }
        return text.strip();
    }

    /** Text in every declared language; a map {ko: …, en: …}. */
    LocalizedText text(YamlNode node) {
        if (node.isMissing()) {
            problems.add(node, "text is missing; give it in every language, e.g. " + example());
            return null;
        }
        if (!node.isMap()) {
            problems.add(node, "a text must be given per language, e.g. " + example() + ", but is " + node.describe());
            return null;
        }
        Map<String, String> byLanguage = new LinkedHashMap<>();
        boolean valid = true;
        for (Map.Entry<String, YamlNode> entry : node.entries()) {
            String text = entry.getValue().text();
            if (!languages.contains(entry.getKey())) {
                problems.add(entry.getValue(), "language '" + entry.getKey() + "' is not declared in languages " + languages
                        + "; declare it or remove this text");
                valid = false;
            } else if (text == null || text.isBlank()) {
                problems.add(entry.getValue(), "the " + entry.getKey() + " text is empty; write the text to say");
                valid = false;
            } else {
                byLanguage.put(entry.getKey(), text.strip());
            }
        }
        for (String language : languages) {
            if (node.get(language).isMissing()) {
                problems.add(node, "missing " + language + " text; every declared language " + languages
                        + " needs one: add '" + language + ": …'");
                valid = false;
            }
        }
        return valid ? new LocalizedText(byLanguage) : null;
    }

    private String example() {
        List<String> shown = languages.isEmpty() ? List.of("ko", "en") : languages;
        return "{" + String.join(", ", shown.stream().map(language -> language + ": …").toList()) + "}";
    }

    BigDecimal number(YamlNode node, String whenMissing) {
        if (node.isMissing()) {
            problems.add(node, whenMissing);
            return null;
        }
        if (node.node().isNumber()) {
            return node.node().decimalValue();
        }
        problems.add(node, "expected a number, but found " + node.describe());
        return null;
    }

    double threshold(YamlNode node, double fallback) {
        if (node.isMissing()) {
            return fallback;
        }
        if (!node.node().isNumber() || node.node().doubleValue() < 0 || node.node().doubleValue() > 1) {
            problems.add(node, "a confidence threshold is a number from 0 to 1 (e.g. 0.6), not " + node.describe());
            return fallback;
        }
        return node.node().doubleValue();
    }

    int smallInt(YamlNode node, int min, int max, String what) {
        if (!node.node().isIntegralNumber() || node.node().intValue() < min || node.node().intValue() > max) {
            problems.add(node, what + " must be a whole number from " + min + " to " + max + ", not " + node.describe());
            return min;
        }
        return node.node().intValue();
    }

    boolean bool(YamlNode node, boolean fallback) {
        if (node.isMissing()) {
            return fallback;
        }
        if (!node.node().isBoolean()) {
            problems.add(node, "expected true or false, but found " + node.describe());
            return fallback;
        }
        return node.node().booleanValue();
    }
}
