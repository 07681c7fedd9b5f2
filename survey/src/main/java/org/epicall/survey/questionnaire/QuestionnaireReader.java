package org.epicall.survey.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a parsed YAML tree into a {@link Questionnaire}, collecting every problem on the way
 * rather than stopping at the first. One instance reads one document.
 */
final class QuestionnaireReader {

    static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.6;

    private static final Pattern QUESTIONNAIRE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern KEY = Pattern.compile("[0-9]");

    private static final Set<String> ROOT_KEYS = Set.of("id", "version", "title", "languages",
            "default_confidence_threshold", "consent_question", "messages", "questions", "triage");
    private static final Set<String> MESSAGE_KEYS = Set.of("intro", "thank_you", "declined", "not_understood", "keypad_intro");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "prompt", "reprompt", "keypad", "unit", "range",
            "decimals", "accept_fahrenheit", "options", "multiple", "follow_ups", "confidence_threshold");
    private static final Set<String> NUMBER_KEYS = Set.of("unit", "range", "decimals", "accept_fahrenheit");
    private static final Set<String> CHOICE_KEYS = Set.of("options", "multiple");
    private static final Set<String> OPTION_KEYS = Set.of("id", "label", "synonyms", "exclusive");
    private static final Set<String> KEYPAD_KEYS = Set.of("prompt", "keys");
    private static final Set<String> RANGE_KEYS = Set.of("min", "max");
    private static final Set<String> FOLLOW_UP_KEYS = Set.of("ask", "when");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "when");

    /** A question read except for its follow-ups, which need every other question first. */
    private record Draft(YamlNode node, String id, QuestionType type, LocalizedText prompt, LocalizedText reprompt,
                         Keypad keypad, NumberSpec numberSpec, ChoiceSpec choiceSpec, Double threshold) {
    }

    private final Problems problems;
    /** Ids of every question with a readable id, valid or not, so that broken ones are not also reported as unknown. */
    private final Set<String> declaredIds = new LinkedHashSet<>();
    private List<String> languages = List.of();

    QuestionnaireReader(Problems problems) {
        this.problems = problems;
    }

    /** The questionnaire, or {@code null} when problems were found (they are in {@link Problems}). */
    Questionnaire read(YamlNode root) {
        if (!root.isMap()) {
            problems.add(root, "a questionnaire must be a YAML map with keys id, languages, messages and questions, but the file holds "
                    + root.describe());
            return null;
        }
        checkKeys(root, ROOT_KEYS);
        String id = identifier(root.get("id"), QUESTIONNAIRE_ID, "lower-case letters, digits, '-' and '_'");
        YamlNode versionNode = root.get("version");
        String version = versionNode.isMissing() ? "1" : scalarText(versionNode, "a version label such as 1 or 2026-11");
        languages = languages(root.get("languages"));
        double defaultThreshold = threshold(root.get("default_confidence_threshold"), DEFAULT_CONFIDENCE_THRESHOLD);
        Messages messages = messages(root.get("messages"));

        Map<String, Draft> drafts = questions(root.get("questions"));
        Map<String, String> parents = new HashMap<>();
        List<Question> questions = new ArrayList<>();
        ConditionReader conditions = new ConditionReader(problems, typesOf(drafts), declaredIds);
        for (Draft draft : drafts.values()) {
            List<FollowUp> followUps = followUps(draft, drafts, parents, conditions);
            double threshold = draft.threshold() == null ? defaultThreshold : draft.threshold();
            if (draft.type() != null && problems.isEmpty()) {
                questions.add(new Question(draft.id(), draft.type(), draft.prompt(), draft.reprompt(), draft.keypad(),
                        draft.numberSpec(), draft.choiceSpec(), followUps, threshold));
            }
        }
        checkNoCycles(parents, drafts);
        String consentId = consentQuestion(root.get("consent_question"), drafts, parents);
        List<TriageRule> rules = triage(root.get("triage"), conditions);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Questionnaire(id, version, languages, messages, consentId, defaultThreshold, questions, rules);
    }

    private static Map<String, ConditionReader.Target> typesOf(Map<String, Draft> drafts) {
        Map<String, ConditionReader.Target> targets = new LinkedHashMap<>();
        drafts.forEach((id, draft) -> {
            if (draft.type() != null) {
                targets.put(id, new ConditionReader.Target(draft.type(), draft.numberSpec(), draft.choiceSpec()));
            }
        });
        return targets;
    }

    // ---- root parts ----

    private List<String> languages(YamlNode node) {
        if (node.isMissing()) {
            problems.add(node, "'languages' is required: list the language packs every text is given in, e.g. languages: [ko, en]");
            return List.of();
        }
        if (!node.isList() || node.elements().isEmpty()) {
            problems.add(node, "'languages' must be a non-empty list such as [ko, en], but is " + node.describe());
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (YamlNode element : node.elements()) {
            String language = element.text();
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                problems.add(element, "a language is a lower-case code of 2-3 letters such as ko or en, not " + element.describe());
            } else if (!found.add(language)) {
                problems.add(element, "language '" + language + "' is listed twice; list it once");
            }
        }
        return List.copyOf(found);
    }

    private Messages messages(YamlNode node) {
        if (!requireMap(node, "'messages' holds the texts said around the questions: intro, thank_you, declined, not_understood, keypad_intro")) {
            return null;
        }
        checkKeys(node, MESSAGE_KEYS);
        LocalizedText intro = text(node.get("intro"));
        LocalizedText thankYou = text(node.get("thank_you"));
        LocalizedText declined = text(node.get("declined"));
        LocalizedText notUnderstood = text(node.get("not_understood"));
        LocalizedText keypadIntro = text(node.get("keypad_intro"));
        if (intro == null || thankYou == null || declined == null || notUnderstood == null || keypadIntro == null) {
            return null;
        }
        return new Messages(intro, thankYou, declined, notUnderstood, keypadIntro);
    }

    private String consentQuestion(YamlNode node, Map<String, Draft> drafts, Map<String, String> parents) {
        if (node.isMissing()) {
            return null;
        }
        String id = node.text();
        Draft draft = id == null ? null : drafts.get(id);
        if (draft == null) {
            problems.add(node, "consent_question refers to unknown question " + node.describe()
                    + (id == null ? "" : Suggestions.didYouMean(id, drafts.keySet())) + "; name a yes_no question of this file");
            return null;
        }
        if (draft.type() != null && draft.type() != QuestionType.YES_NO) {
            problems.add(node, "consent question '" + id + "' must be of type yes_no, but is " + draft.type().yamlName());
        }
        if (parents.containsKey(id)) {
            problems.add(node, "consent question '" + id + "' is a follow-up of '" + parents.get(id)
                    + "'; consent must be asked unconditionally, so remove it from that question's follow_ups");
        }
        return id;
    }

    private List<TriageRule> triage(YamlNode node, ConditionReader conditions) {
        if (node.isMissing()) {
            return List.of();
        }
        if (!node.isList()) {
            problems.add(node, "'triage' must be a list of rules, each {id, description, when}, but is " + node.describe());
            return List.of();
        }
        List<TriageRule> rules = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (YamlNode ruleNode : node.elements()) {
            if (!requireMap(ruleNode, "a triage rule is a map {id, description, when}")) {
                continue;
            }
            checkKeys(ruleNode, RULE_KEYS);
            String id = identifier(ruleNode.get("id"), ID, "lower-case letters, digits and '_', starting with a letter");
            if (id != null && !ids.add(id)) {
                problems.add(ruleNode.get("id"), "triage rule id '" + id + "' is used twice; rule ids must be unique");
            }
            YamlNode descriptionNode = ruleNode.get("description");
            String description = descriptionNode.isMissing() ? "" : scalarText(descriptionNode, "a plain text");
            YamlNode when = ruleNode.get("when");
            if (when.isMissing()) {
                problems.add(when, "triage rule needs 'when', e.g. when: {question: temperature, gte: 37.5}");
                continue;
            }
            Condition condition = conditions.read(when, null);
            if (id != null && condition != null && description != null) {
                rules.add(new TriageRule(id, description, condition));
            }
        }
        return List.copyOf(rules);
    }

    // ---- questions ----

    private Map<String, Draft> questions(YamlNode node) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        if (node.isMissing()) {
            problems.add(node, "'questions' is required: a list of questions, each with id, type and prompt");
            return drafts;
        }
        if (!node.isList() || node.elements().isEmpty()) {
            problems.add(node, "'questions' must be a non-empty list of questions, but is " + node.describe());
            return drafts;
        }
        for (YamlNode questionNode : node.elements()) {
            Draft draft = question(questionNode);
            if (draft == null) {
                continue;
            }
            if (drafts.containsKey(draft.id())) {
                problems.add(questionNode.get("id"), "duplicate question id '" + draft.id() + "' (first used at "
                        + drafts.get(draft.id()).node().path() + "); question ids must be unique");
            } else {
                drafts.put(draft.id(), draft);
            }
        }
        return drafts;
    }

    private Draft question(YamlNode node) {
        if (!requireMap(node, "a question is a map with at least id, type and prompt")) {
            return null;
        }
        checkKeys(node, QUESTION_KEYS);
        String id = identifier(node.get("id"), ID, "lower-case letters, digits and '_', starting with a letter");
        if (id != null) {
            declaredIds.add(id);
        }
        QuestionType type = type(node.get("type"));
        LocalizedText prompt = text(node.get("prompt"));
        YamlNode repromptNode = node.get("reprompt");
        LocalizedText reprompt = repromptNode.isMissing() ? prompt : text(repromptNode);
        Double threshold = node.get("confidence_threshold").isMissing() ? null : threshold(node.get("confidence_threshold"), DEFAULT_CONFIDENCE_THRESHOLD);
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
        return new Draft(node, id, type, prompt, reprompt, keypad, numberSpec, choiceSpec, threshold);
    }

    private QuestionType type(YamlNode node) {
        List<String> names = java.util.Arrays.stream(QuestionType.values()).map(QuestionType::yamlName).toList();
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
            unit = unitNode.isMissing() ? null : scalarText(unitNode, "a unit such as °C");
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
            if (!requireMap(range, "'range' is a map {min: …, max: …}")) {
                return null;
            }
            checkKeys(range, RANGE_KEYS);
            min = number(range.get("min"), "range needs 'min', the smallest plausible answer");
            max = number(range.get("max"), "range needs 'max', the largest plausible answer");
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
            decimals = decimalsNode.isMissing() ? 1 : smallInt(decimalsNode, 0, 3, "decimals (decimal places an answer may have)");
        }
        boolean fahrenheit = isNumber && bool(node.get("accept_fahrenheit"), false);
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

    private ChoiceSpec choiceSpec(YamlNode node) {
        YamlNode optionsNode = node.get("options");
        if (optionsNode.isMissing() || !optionsNode.isList() || optionsNode.elements().isEmpty()) {
            problems.add(optionsNode, "a choice question needs 'options', a non-empty list of {id, label, synonyms}");
            return null;
        }
        boolean multiple = bool(node.get("multiple"), false);
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
        return options.size() == optionsNode.elements().size() ? new ChoiceSpec(options, multiple) : null;
    }

    private ChoiceOption option(YamlNode node) {
        if (!requireMap(node, "an option is a map {id, label, synonyms}")) {
            return null;
        }
        checkKeys(node, OPTION_KEYS);
        String id = identifier(node.get("id"), ID, "lower-case letters, digits and '_', starting with a letter");
        LocalizedText label = text(node.get("label"));
        Map<String, List<String>> synonyms = synonyms(node.get("synonyms"));
        boolean exclusive = bool(node.get("exclusive"), false);
        if (id == null || label == null || synonyms == null) {
            return null;
        }
        return new ChoiceOption(id, label, synonyms, exclusive);
    }

    private Map<String, List<String>> synonyms(YamlNode node) {
        if (node.isMissing()) {
            return Map.of();
        }
        if (!requireMap(node, "'synonyms' maps a language to a list of words, e.g. {ko: [기침], en: [cough]}")) {
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
        if (!requireMap(node, "'keypad' is a map {prompt, keys}")) {
            return null;
        }
        checkKeys(node, KEYPAD_KEYS);
        LocalizedText prompt = text(node.get("prompt"));
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
        if (!requireMap(node, "'keys' maps a key to an answer, e.g. {\"1\": yes, \"2\": no}")) {
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

    private List<FollowUp> followUps(Draft draft, Map<String, Draft> drafts, Map<String, String> parents, ConditionReader conditions) {
        YamlNode node = draft.node().get("follow_ups");
        if (node.isMissing()) {
            return List.of();
        }
        if (!node.isList()) {
            problems.add(node, "'follow_ups' must be a list of {ask, when}, but is " + node.describe());
            return List.of();
        }
        List<FollowUp> followUps = new ArrayList<>();
        for (YamlNode followUpNode : node.elements()) {
            if (!requireMap(followUpNode, "a follow-up is a map {ask: QUESTION_ID, when: CONDITION}")) {
                continue;
            }
            checkKeys(followUpNode, FOLLOW_UP_KEYS);
            YamlNode askNode = followUpNode.get("ask");
            String ask = askNode.text();
            if (ask == null) {
                problems.add(askNode, "a follow-up needs 'ask', the id of the question to ask next");
                continue;
            }
            if (!drafts.containsKey(ask) && declaredIds.contains(ask)) {
                continue;
            }
            if (!drafts.containsKey(ask)) {
                problems.add(askNode, "follow-up refers to unknown question '" + ask + "'" + Suggestions.didYouMean(ask, drafts.keySet())
                        + "; define a question with that id or fix the reference");
                continue;
            }
            if (ask.equals(draft.id())) {
                problems.add(askNode, "question '" + ask + "' cannot be its own follow-up");
                continue;
            }
            if (parents.containsKey(ask)) {
                problems.add(askNode, "question '" + ask + "' is already a follow-up of '" + parents.get(ask)
                        + "'; a question can follow only one parent");
                continue;
            }
            parents.put(ask, draft.id());
            YamlNode when = followUpNode.get("when");
            Condition condition = when.isMissing()
                    ? new Condition.Comparison(draft.id(), Condition.Operator.ANSWERED, Boolean.TRUE)
                    : conditions.read(when, draft.id());
            if (condition != null) {
                followUps.add(new FollowUp(ask, condition));
            }
        }
        return followUps;
    }

    private void checkNoCycles(Map<String, String> parents, Map<String, Draft> drafts) {
        for (String start : parents.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            String current = start;
            while (current != null && seen.add(current)) {
                current = parents.get(current);
            }
            if (current != null && current.equals(start)) {
                problems.add(drafts.get(start).node().get("follow_ups"), "follow-ups form a cycle " + String.join(" -> ", seen)
                        + " -> " + start + "; a question cannot (indirectly) follow itself");
                return;
            }
        }
    }

    // ---- scalars ----

    private void checkKeys(YamlNode map, Set<String> allowed) {
        for (String key : map.keys()) {
            if (!allowed.contains(key)) {
                problems.add(map.get(key), "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed)
                        + "; allowed here: " + allowed.stream().sorted().toList());
            }
        }
    }

    private boolean requireMap(YamlNode node, String expectation) {
        if (node.isMap()) {
            return true;
        }
        problems.add(node, node.isMissing() ? expectation + ", but it is missing" : expectation + ", but is " + node.describe());
        return false;
    }

    private String identifier(YamlNode node, Pattern pattern, String rule) {
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

    private String scalarText(YamlNode node, String expectation) {
        String text = node.text();
        if (text == null || text.isBlank()) {
            problems.add(node, "expected " + expectation + ", but found " + node.describe());
            return null;
        }
        return text.strip();
    }

    /** Text in every declared language; a map {ko: …, en: …}. */
    private LocalizedText text(YamlNode node) {
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

    private BigDecimal number(YamlNode node, String whenMissing) {
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

    private double threshold(YamlNode node, double fallback) {
        if (node.isMissing()) {
            return fallback;
        }
        if (!node.node().isNumber() || node.node().doubleValue() < 0 || node.node().doubleValue() > 1) {
            problems.add(node, "a confidence threshold is a number from 0 to 1 (e.g. 0.6), not " + node.describe());
            return fallback;
        }
        return node.node().doubleValue();
    }

    private int smallInt(YamlNode node, int min, int max, String what) {
        if (!node.node().isIntegralNumber() || node.node().intValue() < min || node.node().intValue() > max) {
            problems.add(node, what + " must be a whole number from " + min + " to " + max + ", not " + node.describe());
            return min;
        }
        return node.node().intValue();
    }

    private boolean bool(YamlNode node, boolean fallback) {
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
