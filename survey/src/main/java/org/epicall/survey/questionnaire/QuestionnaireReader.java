package org.epicall.survey.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.questionnaire.QuestionReader.Draft;

/**
 * Turns a parsed YAML tree into a {@link Questionnaire}, collecting every problem on the way
 * rather than stopping at the first. One instance reads one document.
 */
final class QuestionnaireReader {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Set<String> ROOT_KEYS = Set.of("id", "version", "title", "languages",
            "default_confidence_threshold", "consent_question", "messages", "questions", "triage");
    private static final Set<String> MESSAGE_KEYS = Set.of("intro", "thank_you", "declined", "not_understood", "keypad_intro");
    private static final Set<String> FOLLOW_UP_KEYS = Set.of("ask", "when");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "when");

    private final Problems problems;
    /** Ids of every question with a readable id, valid or not, so that broken ones are not also reported as unknown. */
    private final Set<String> declaredIds = new LinkedHashSet<>();
    private Fields fields;

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
        List<String> languages = languages(root.get("languages"));
        fields = new Fields(problems, languages);
        fields.checkKeys(root, ROOT_KEYS);
        String id = fields.identifier(root.get("id"), Fields.QUESTIONNAIRE_ID, "lower-case letters, digits, '-' and '_'");
        YamlNode versionNode = root.get("version");
        String version = versionNode.isMissing() ? "1" : fields.scalarText(versionNode, "a version label such as 1 or 2026-11");
        double defaultThreshold = fields.threshold(root.get("default_confidence_threshold"), Fields.DEFAULT_CONFIDENCE_THRESHOLD);
        Messages messages = messages(root.get("messages"));

        Map<String, Draft> drafts = questions(root.get("questions"), new QuestionReader(problems, fields, languages, declaredIds));
        Map<String, String> parents = new HashMap<>();
        List<Question> questions = new ArrayList<>();
        ConditionReader conditions = new ConditionReader(problems, typesOf(drafts), declaredIds);
        Map<String, List<FollowUp>> followUpsById = new LinkedHashMap<>();
        for (Draft draft : drafts.values()) {
            followUpsById.put(draft.id(), followUps(draft, drafts, parents, conditions));
        }
        checkNoCycles(parents, drafts);
        String consentId = consentQuestion(root.get("consent_question"), drafts, parents);
        for (Draft draft : drafts.values()) {
            double threshold = draft.threshold() == null ? defaultThreshold : draft.threshold();
            // The consent question asks permission unless the file says otherwise.
            boolean asksPermission = draft.asksPermission() != null ? draft.asksPermission() : draft.id().equals(consentId);
            if (draft.type() != null && problems.isEmpty()) {
                questions.add(new Question(draft.id(), draft.type(), draft.prompt(), draft.reprompt(), draft.keypad(),
                        draft.numberSpec(), draft.choiceSpec(), followUpsById.get(draft.id()), threshold, draft.yesNoPhrases(),
                        asksPermission));
            }
        }
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
            } else if (!LanguagePack.SHIPPED.contains(language)) {
                problems.add(element, "there is no language pack '" + language + "', so answers in it cannot be understood; "
                        + "use one of " + LanguagePack.SHIPPED);
            }
        }
        return List.copyOf(found);
    }

    private Messages messages(YamlNode node) {
        if (!fields.requireMap(node, "'messages' holds the texts said around the questions: intro, thank_you, declined, not_understood, keypad_intro")) {
            return null;
        }
        fields.checkKeys(node, MESSAGE_KEYS);
        LocalizedText intro = fields.text(node.get("intro"));
        LocalizedText thankYou = fields.text(node.get("thank_you"));
        LocalizedText declined = fields.text(node.get("declined"));
        LocalizedText notUnderstood = fields.text(node.get("not_understood"));
        LocalizedText keypadIntro = fields.text(node.get("keypad_intro"));
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
        String first = drafts.keySet().iterator().next();
        if (!first.equals(id)) {
            problems.add(node, "consent question '" + id + "' must be the first question, before '" + first
                    + "' is asked; move it to the top of 'questions'");
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
            if (!fields.requireMap(ruleNode, "a triage rule is a map {id, description, when}")) {
                continue;
            }
            fields.checkKeys(ruleNode, RULE_KEYS);
            String id = fields.identifier(ruleNode.get("id"), Fields.ID, Fields.ID_RULE);
            if (id != null && !ids.add(id)) {
                problems.add(ruleNode.get("id"), "triage rule id '" + id + "' is used twice; rule ids must be unique");
            }
            YamlNode descriptionNode = ruleNode.get("description");
            String description = descriptionNode.isMissing() ? "" : fields.scalarText(descriptionNode, "a plain text");
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

    private Map<String, Draft> questions(YamlNode node, QuestionReader reader) {
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
            Draft draft = reader.read(questionNode);
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
            if (!fields.requireMap(followUpNode, "a follow-up is a map {ask: QUESTION_ID, when: CONDITION}")) {
                continue;
            }
            fields.checkKeys(followUpNode, FOLLOW_UP_KEYS);
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

}
