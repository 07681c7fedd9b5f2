package org.epicall.survey.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.epicall.survey.language.LanguagePack;

/** Reads one question (type, texts, number range, options, keypad), all but its follow-ups. */
final class QuestionReader {

    private static final Pattern KEY = Pattern.compile("[0-9]");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "prompt", "reprompt", "keypad", "unit", "range",
            "decimals", "accept_fahrenheit", "options", "multiple", "follow_ups", "confidence_threshold", "phrases",
            "asks_permission");
    private static final Set<String> NUMBER_KEYS = Set.of("unit", "range", "decimals", "accept_fahrenheit");
    private static final Set<String> CHOICE_KEYS = Set.of("options", "multiple");
    private static final Set<String> OPTION_KEYS = Set.of("id", "label", "synonyms", "exclusive");
    private static final Set<String> KEYPAD_KEYS = Set.of("prompt", "keys");
    private static final Set<String> RANGE_KEYS = Set.of("min", "max");

    /** A question read except for its follow-ups, which need every other question first. */
    record Draft(YamlNode node, String id, QuestionType type, LocalizedText prompt, LocalizedText reprompt,
                 Keypad keypad, NumberSpec numberSpec, ChoiceSpec choiceSpec, Double threshold, YesNoPhrases yesNoPhrases,
                 Boolean asksPermission) {
    }

    private final Problems problems;
    private final Fields fields;
    private final List<String> languages;
    private final Set<String> declaredIds;

    /** @param declaredIds collects the id of every question read, valid or not */
    QuestionReader(Problems problems, Fields fields, List<String> languages, Set<String> declaredIds) {
        this.problems = problems;
        this.fields = fields;
        this.languages = languages;
        this.declaredIds = declaredIds;
    }

    /** The question at {@code node}, or {@code null} when its id or type cannot be read. */
    Draft read(YamlNode node) {
        if (!fields.requireMap(node, "a question is a map with at least id, type and prompt")) {
            return null;
        }
        fields.checkKeys(node, QUESTION_KEYS);
        String id = fields.identifier(node.get("id"), Fields.ID, Fields.ID_RULE);
        if (id != null) {
            declaredIds.add(id);
        }
        QuestionType type = type(node.get("type"));
        LocalizedText prompt = fields.text(node.get("prompt"));
        YamlNode repromptNode = node.get("reprompt");
        LocalizedText reprompt = repromptNode.isMissing() ? prompt : fields.text(repromptNode);
        Double threshold = node.get("confidence_threshold").isMissing() ? null : fields.threshold(node.get("confidence_threshold"), Fields.DEFAULT_CONFIDENCE_THRESHOLD);
        if (id == null || type == null) {
            return null;
        }
        rejectKeysOfOtherTypes(node, type);
        NumberSpec numberSpec = switch (type) {
            case NUMBER -> numberSpec(node, true);
            case DAYS_AGO -> numberSpec(node, false);
            default -> null;
        };
        ChoiceSpec choiceSpec = type == QuestionType.CHOICE ? choiceSpec(node) : null;
        Keypad keypad = keypad(node.get("keypad"), type, choiceSpec);
        YesNoPhrases phrases = yesNoPhrases(node.get("phrases"), type);
        return new Draft(node, id, type, prompt, reprompt, keypad, numberSpec, choiceSpec, threshold, phrases,
                asksPermission(node.get("asks_permission"), type));
    }

    private QuestionType type(YamlNode node) {
        List<String> names = Arrays.stream(QuestionType.values()).map(QuestionType::yamlName).toList();
        if (node.isMissing()) {
            problems.add(node, "'type' is required; use one of " + names);
            return null;
        }
        String name = node.text();
        QuestionType type = name == null ? null : QuestionType.fromYamlName(name).orElse(null);
        if (type == null) {
            problems.add(node, "unknown question type " + node.describe() + (name == null ? "" : Suggestions.didYouMean(name, names))
                    + "; use one of " + names);
        }
        return type;
    }

    private void rejectKeysOfOtherTypes(YamlNode node, QuestionType type) {
        for (String key : node.keys()) {
            if (NUMBER_KEYS.contains(key) && type != QuestionType.NUMBER && !(key.equals("range") && type == QuestionType.DAYS_AGO)) {
                problems.add(node.get(key), "'" + key + "' applies to number questions only, and this one is "
                        + type.yamlName() + "; remove it or change the type");
            }
            if (CHOICE_KEYS.contains(key) && type != QuestionType.CHOICE) {
                problems.add(node.get(key), "'" + key + "' applies to choice questions only, and this one is "
                        + type.yamlName() + "; remove it or change the type");
            }
        }
    }

    private NumberSpec numberSpec(YamlNode node, boolean isNumber) {
        String unit = "days";
        if (isNumber) {
            YamlNode unitNode = node.get("unit");
            unit = unitNode.isMissing() ? null : fields.scalarText(unitNode, "a unit such as °C");
            if (unitNode.isMissing()) {
                problems.add(unitNode, "a number question needs 'unit', e.g. unit: °C");
            }
        }
        YamlNode range = node.get("range");
        BigDecimal min;
        BigDecimal max;
        if (range.isMissing()) {
            if (isNumber) {
                problems.add(range, "a number question needs its plausible 'range', e.g. range: {min: 34, max: 43}");
                return null;
            }
            min = BigDecimal.ZERO;
            max = BigDecimal.valueOf(365);
        } else {
            if (!fields.requireMap(range, "'range' is a map {min: …, max: …}")) {
                return null;
            }
            fields.checkKeys(range, RANGE_KEYS);
            min = fields.number(range.get("min"), "range needs 'min', the smallest plausible answer");
            max = fields.number(range.get("max"), "range needs 'max', the largest plausible answer");
            if (min != null && max != null && min.compareTo(max) > 0) {
                problems.add(range.get("max"), "range max " + max.toPlainString() + " is less than min " + min.toPlainString()
                        + "; swap them or correct the range");
                return null;
            }
            if (!isNumber && min != null && (min.signum() < 0 || min.stripTrailingZeros().scale() > 0)) {
                problems.add(range.get("min"), "days_ago range min must be a whole number of days, 0 or more; was " + min.toPlainString());
            }
        }
        int decimals = 0;
        if (isNumber) {
            YamlNode decimalsNode = node.get("decimals");
            decimals = decimalsNode.isMissing() ? 1 : fields.smallInt(decimalsNode, 0, 3, "decimals (decimal places an answer may have)");
        }
        boolean fahrenheit = isNumber && fields.bool(node.get("accept_fahrenheit"), false);
        if (unit == null || min == null || max == null) {
            return null;
        }
        NumberSpec spec = new NumberSpec(unit, min, max, decimals, fahrenheit);
        if (fahrenheit && !spec.isCelsius()) {
            problems.add(node.get("accept_fahrenheit"), "accept_fahrenheit needs unit °C, but unit is '" + unit
                    + "'; remove accept_fahrenheit or set unit: °C");
        }
        return spec;
    }

    /** {@code asks_permission: true}, for yes_no questions only; {@code null} when not given. */
    private Boolean asksPermission(YamlNode node, QuestionType type) {
        if (node.isMissing()) {
            return null;
        }
        if (type != QuestionType.YES_NO) {
            problems.add(node, "'asks_permission' applies to yes_no questions only; remove it");
            return null;
        }
        return fields.bool(node, false);
    }

    /** {@code phrases: {yes: {ko: [...]}, no: {...}}}: checked against each other and the language packs. */
    private YesNoPhrases yesNoPhrases(YamlNode node, QuestionType type) {
        if (node.isMissing()) {
            return YesNoPhrases.NONE;
        }
        if (type != QuestionType.YES_NO) {
            problems.add(node, "'phrases' applies to yes_no questions only; for a choice, give the options synonyms");
            return YesNoPhrases.NONE;
        }
        if (!fields.requireMap(node, "'phrases' is a map {yes: {ko: [...]}, no: {ko: [...]}}")) {
            return YesNoPhrases.NONE;
        }
        fields.checkKeys(node, Set.of("yes", "no"));
        Map<String, List<String>> yes = synonyms(node.get("yes"));
        Map<String, List<String>> no = synonyms(node.get("no"));
        if (yes == null || no == null) {
            return YesNoPhrases.NONE;
        }
        for (String language : languages) {
            checkOpposites(node.get("yes").get(language), yes.getOrDefault(language, List.of()), no.getOrDefault(language, List.of()),
                    LanguagePack.SHIPPED.contains(language) ? LanguagePack.forLanguage(language).yesNo().anyNo() : List.of(), "no");
            checkOpposites(node.get("no").get(language), no.getOrDefault(language, List.of()), yes.getOrDefault(language, List.of()),
                    LanguagePack.SHIPPED.contains(language) ? LanguagePack.forLanguage(language).yesNo().anyYes() : List.of(), "yes");
        }
        return new YesNoPhrases(yes, no);
    }

    private void checkOpposites(YamlNode at, List<String> phrases, List<String> opposite, List<String> packOpposite, String oppositeName) {
        for (String phrase : phrases) {
            String key = String.join(" ", LanguagePack.tokenize(phrase));
            boolean inQuestion = opposite.stream().anyMatch(other -> String.join(" ", LanguagePack.tokenize(other)).equals(key));
            boolean inPack = packOpposite.stream().anyMatch(other -> String.join(" ", LanguagePack.tokenize(other)).equals(key));
            if (inQuestion || inPack) {
                problems.add(at, "'" + phrase + "' also means " + oppositeName + (inPack ? " in the language pack" : " here")
                        + "; a phrase can mean only one answer");
            }
        }
    }

    private ChoiceSpec choiceSpec(YamlNode node) {
        YamlNode optionsNode = node.get("options");
        if (optionsNode.isMissing() || !optionsNode.isList() || optionsNode.elements().isEmpty()) {
            problems.add(optionsNode, "a choice question needs 'options', a non-empty list of {id, label, synonyms}");
            return null;
        }
        boolean multiple = fields.bool(node.get("multiple"), false);
        List<ChoiceOption> options = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (YamlNode optionNode : optionsNode.elements()) {
            ChoiceOption option = option(optionNode);
            if (option == null) {
                continue;
            }
            if (!ids.add(option.id())) {
                problems.add(optionNode.get("id"), "option id '" + option.id() + "' is used twice in this question; option ids must be unique");
                continue;
            }
            if (option.exclusive() && !multiple) {
                problems.add(optionNode.get("exclusive"), "'exclusive' only makes sense when 'multiple: true'; remove it");
            }
            options.add(option);
        }
        if (options.size() != optionsNode.elements().size()) {
            return null;
        }
        checkNoSharedPhrases(optionsNode, options);
        return new ChoiceSpec(options, multiple);
    }

    /** A phrase naming two options could only ever be "no match"; the author should pick one. */
    private void checkNoSharedPhrases(YamlNode optionsNode, List<ChoiceOption> options) {
        for (String language : languages) {
            Map<String, String> owner = new LinkedHashMap<>();
            for (int i = 0; i < options.size(); i++) {
                ChoiceOption option = options.get(i);
                List<String> phrases = new ArrayList<>(option.phrases(language));
                if (LanguagePack.SHIPPED.contains(language)) {
                    phrases.addAll(LanguagePack.forLanguage(language).choices().synonymsOf(option.id()));
                }
                for (String phrase : phrases) {
                    String key = String.join(" ", LanguagePack.tokenize(phrase));
                    String previous = owner.putIfAbsent(key, option.id());
                    if (previous != null && !previous.equals(option.id())) {
                        problems.add(optionsNode.at(i), "'" + phrase + "' (" + language + ") names both option '" + previous
                                + "' and option '" + option.id() + "'; keep it on one option, or the answer can never be understood");
                    }
                }
            }
        }
    }

    private ChoiceOption option(YamlNode node) {
        if (!fields.requireMap(node, "an option is a map {id, label, synonyms}")) {
            return null;
        }
        fields.checkKeys(node, OPTION_KEYS);
        String id = fields.identifier(node.get("id"), Fields.ID, Fields.ID_RULE);
        LocalizedText label = fields.text(node.get("label"));
        Map<String, List<String>> synonyms = synonyms(node.get("synonyms"));
        boolean exclusive = fields.bool(node.get("exclusive"), false);
        if (id == null || label == null || synonyms == null) {
            return null;
        }
        return new ChoiceOption(id, label, synonyms, exclusive);
    }

    private Map<String, List<String>> synonyms(YamlNode node) {
        if (node.isMissing()) {
            return Map.of();
        }
        if (!fields.requireMap(node, "'synonyms' maps a language to a list of words, e.g. {ko: [기침], en: [cough]}")) {
            return null;
        }
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        boolean valid = true;
        for (Map.Entry<String, YamlNode> entry : node.entries()) {
            if (!languages.contains(entry.getKey())) {
                problems.add(entry.getValue(), "language '" + entry.getKey() + "' is not declared in languages " + languages
                        + "; declare it or remove these synonyms");
                valid = false;
                continue;
            }
            List<String> words = new ArrayList<>();
            if (!entry.getValue().isList()) {
                problems.add(entry.getValue(), "synonyms must be a list of words, e.g. [기침, 콜록], but is " + entry.getValue().describe());
                valid = false;
                continue;
            }
            for (YamlNode word : entry.getValue().elements()) {
                String text = word.text();
                if (text == null || text.isBlank()) {
                    problems.add(word, "a synonym must be a non-empty word or phrase, not " + word.describe());
                    valid = false;
                } else {
                    words.add(text.strip());
                }
            }
            synonyms.put(entry.getKey(), words);
        }
        return valid ? synonyms : null;
    }

    private Keypad keypad(YamlNode node, QuestionType type, ChoiceSpec choiceSpec) {
        if (node.isMissing()) {
            return null;
        }
        if (type == QuestionType.FREE_TEXT) {
            problems.add(node, "free_text questions are voice-only and cannot have a keypad fallback; remove 'keypad'");
            return null;
        }
        if (!fields.requireMap(node, "'keypad' is a map {prompt, keys}")) {
            return null;
        }
        fields.checkKeys(node, KEYPAD_KEYS);
        LocalizedText prompt = fields.text(node.get("prompt"));
        Map<String, String> keys = keys(node.get("keys"), type, choiceSpec);
        return prompt == null || keys == null ? null : new Keypad(prompt, keys);
    }

    private Map<String, String> keys(YamlNode node, QuestionType type, ChoiceSpec choiceSpec) {
        if (node.isMissing()) {
            return defaultKeys(node, type, choiceSpec);
        }
        if (type != QuestionType.YES_NO && type != QuestionType.CHOICE) {
            problems.add(node, "'keys' applies to yes_no and choice questions; " + type.yamlName()
                    + " answers are typed as digits (* for the decimal point), so remove 'keys'");
            return null;
        }
        if (!fields.requireMap(node, "'keys' maps a key to an answer, e.g. {\"1\": yes, \"2\": no}")) {
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>();
        if (type == QuestionType.YES_NO) {
            allowed.addAll(List.of("yes", "no"));
        } else if (choiceSpec != null) {
            choiceSpec.options().forEach(option -> allowed.add(option.id()));
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : node.entries()) {
            String answer = entry.getValue().text();
            if (!KEY.matcher(entry.getKey()).matches()) {
                problems.add(entry.getValue(), "keypad key '" + entry.getKey() + "' is not a single digit 0-9; * and # are reserved");
            } else if (answer == null || (choiceSpec != null || type == QuestionType.YES_NO) && !allowed.contains(answer)) {
                problems.add(entry.getValue(), "key " + entry.getKey() + " maps to " + entry.getValue().describe()
                        + ", which is not an answer of this question; use one of " + allowed);
            } else {
                keys.put(entry.getKey(), answer);
            }
        }
        if (type == QuestionType.YES_NO && !(keys.containsValue("yes") && keys.containsValue("no"))) {
            problems.add(node, "yes_no keys must map one key to yes and one to no");
        }
        return keys;
    }

    private Map<String, String> defaultKeys(YamlNode at, QuestionType type, ChoiceSpec choiceSpec) {
        if (type == QuestionType.YES_NO) {
            return Map.of("1", "yes", "2", "no");
        }
        if (type != QuestionType.CHOICE || choiceSpec == null) {
            return Map.of();
        }
        if (choiceSpec.options().size() > 9) {
            problems.add(at, "a choice with more than 9 options needs explicit keypad 'keys' (key 1-9 and 0 each select one option)");
            return null;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < choiceSpec.options().size(); i++) {
            keys.put(String.valueOf(i + 1), choiceSpec.options().get(i).id());
        }
        return keys;
    }
}
