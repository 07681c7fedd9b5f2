package org.epicall.campaign.followup;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.epicall.campaign.contact.SurveyResults;

/**
 * Writes flagged residents as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Korean
 * names right) for the people who call them back: who, how to reach them, why they were flagged, and
 * each answer of their latest survey. A cell that a spreadsheet would run as a formula is written as
 * text. Not thread-safe.
 */
final class FlaggedCsv {

    private static final char BOM = '\uFEFF';
    private static final Pattern E164 = Pattern.compile("\\+\\d{4,15}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Writer out;
    private final List<String> questionIds;
    private final ZoneId zone;

    /**
     * @param questionIds the questionnaire's questions in asking order, one column each
     * @param zone        the zone the times are written in
     */
    FlaggedCsv(Writer out, List<String> questionIds, ZoneId zone) {
        this.out = out;
        this.questionIds = List.copyOf(questionIds);
        this.zone = zone;
    }

    void header() throws IOException {
        out.write(BOM);
        List<String> cells = new ArrayList<>(List.of("contact_ref", "name", "phone", "language", "triage_flags",
                "surveyed_at", "followed_up_at"));
        cells.addAll(questionIds);
        row(cells);
    }

    /**
     * @param latest the resident's latest survey, or {@code null}
     */
    void resident(SurveyResults.FlaggedResident resident, SurveyResults.StoredResult latest) throws IOException {
        List<String> cells = new ArrayList<>(List.of(resident.contactRef(), nullToEmpty(resident.name()),
                nullToEmpty(resident.phone()), nullToEmpty(resident.language()),
                String.join(" ", resident.triageFlags()), time(resident.surveyedAt()), time(resident.followedUpAt())));
        for (String questionId : questionIds) {
            cells.add(latest == null ? "" : answer(latest, questionId));
        }
        row(cells);
    }

    private static String answer(SurveyResults.StoredResult result, String questionId) {
        for (Map<String, Object> answer : result.answers()) {
            if (questionId.equals(answer.get("questionId"))) {
                return String.join("; ", SurveyResults.labels(answer.get("value")));
            }
        }
        return "";
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    private void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String text = value;
        // A spreadsheet runs =, +, -, @ (and a leading tab or CR) as a formula; an E.164 number only looks like one.
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !E164.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.startsWith("'")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
