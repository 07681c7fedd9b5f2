package org.epicall.app.demo.summary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.SurveyStatus;

/** Renders a {@link DemoSummary} as the text the demo prints when it ends. Stateless and thread-safe. */
public final class SummaryReport {

    private static final String INDENT = "  ";

    private SummaryReport() {
    }

    public static String render(DemoSummary s) {
        StringBuilder out = new StringBuilder();
        long seconds = s.elapsed().toSeconds();
        out.append(String.format(Locale.ROOT, "Summary: %d residents, %d attempts, %d:%02d%n%n", s.residents(),
                s.attempts(), seconds / 60, seconds % 60));

        TextTable fates = new TextTable(List.of("final state", "residents"), 1);
        for (ResidentFate fate : ResidentFate.values()) {
            fates.row(fate.label(), s.fates().getOrDefault(fate, 0L));
        }
        fates.row("accounted for", s.accounted() + "/" + s.residents());
        out.append(fates.render(INDENT)).append('\n');

        TextTable outcomes = new TextTable(List.of("attempt outcome", "attempts"), 1);
        for (CallOutcome outcome : CallOutcome.values()) {
            long n = s.attemptsByOutcome().getOrDefault(outcome, 0L);
            if (n > 0) {
                outcomes.row(outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '), n);
            }
        }
        outcomes.row("total", s.attempts());
        out.append(outcomes.render(INDENT)).append('\n');

        TextTable surveys = new TextTable(List.of("survey status", "surveys"), 1);
        for (SurveyStatus status : SurveyStatus.values()) {
            surveys.row(status.name().toLowerCase(Locale.ROOT), s.surveysByStatus().getOrDefault(status, 0L));
        }
        surveys.row("answers by voice", s.voiceAnswers());
        surveys.row("answers on the keypad", s.keypadAnswers());
        out.append(surveys.render(INDENT)).append('\n');

        TextTable attempts = new TextTable(List.of("attempts needed", "residents", "of them answered"), 0, 1, 2);
        for (Map.Entry<Integer, Long> e : s.residentsByAttempts().entrySet()) {
            attempts.row(e.getKey(), e.getValue(), s.answeredByAttempts().getOrDefault(e.getKey(), 0L));
        }
        out.append(attempts.render(INDENT)).append('\n');

        out.append(String.format(Locale.ROOT, "Flagged residents awaiting a follow-up call: %d%n", s.flagged().size()));
        if (!s.flagged().isEmpty()) {
            TextTable flagged = new TextTable(List.of("contact ref", "resident", "triage flags"));
            for (FlaggedResident f : s.flagged()) {
                flagged.row(f.contactRef(), f.label().isEmpty() ? "-" : f.label(), String.join(", ", f.flags()));
            }
            out.append(flagged.render(INDENT));
        }
        out.append('\n');

        TextTable topics = new TextTable(List.of("topic", "end offset"), 1);
        s.topicEndOffsets().forEach(topics::row);
        out.append(topics.render(INDENT)).append('\n');

        out.append(rules(s.audit()));
        return out.toString();
    }

    static String rules(AuditFindings a) {
        StringBuilder out = new StringBuilder("Rules checked against the attempts on Kafka:\n");
        out.append(String.format(Locale.ROOT, "%sattempt cap %d: %s (most attempts at one resident: %d)%n", INDENT,
                a.maxAttempts(), a.overCap().isEmpty() ? "honoured" : "EXCEEDED for " + a.overCap().size(),
                a.mostAttempts()));
        out.append(verdict("calls outside the calling window", a.outsideWindow()));
        out.append(verdict("retries sooner than their delay", a.earlyRetries()));
        out.append(verdict("overlapping attempts at one resident", a.overlapping()));
        return out.toString();
    }

    private static String verdict(String what, List<String> findings) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s%s: %d%n", INDENT, what, findings.size()));
        findings.stream().limit(5).forEach(f -> out.append(INDENT).append(INDENT).append(f).append('\n'));
        if (findings.size() > 5) {
            out.append(INDENT).append(INDENT).append("… and ").append(findings.size() - 5).append(" more\n");
        }
        return out.toString();
    }
}
