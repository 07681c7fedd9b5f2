package org.epicall.campaign.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.epicall.campaign.contact.SurveyResults;
import org.epicall.campaign.followup.ResidentAnswers;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;

/**
 * A resident's answers, as the caller's role may see them: officials get name and number, and learn
 * which spoken answers they can listen to.
 *
 * @param contactRef   pseudonymous reference
 * @param name         officials only
 * @param phone        officials only
 * @param language     language of the calls
 * @param followedUpAt when an official recorded the call back, or absent
 * @param surveys      the resident's surveys, newest first
 */
@Schema(description = "A resident's surveys with every answer and how it was given. OFFICIAL also gets name, phone"
        + " and which spoken answers have a recording to play; ANALYST sees the resident by contactRef only.")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ResidentView(String contactRef, @Schema(nullable = true, description = "OFFICIAL only") String name,
                    @Schema(nullable = true, description = "OFFICIAL only") String phone, String language,
                    @Schema(nullable = true) Instant followedUpAt, List<Survey> surveys) {

    /**
     * One survey.
     *
     * @param attemptId   the call attempt that carried it
     * @param status      complete, partial or declined
     * @param triageFlags triage rules that fired
     * @param endedAt     when it ended
     * @param answers     the questions asked, in order
     */
    record Survey(String attemptId, String status, List<String> triageFlags, Instant endedAt, List<Answer> answers) {
    }

    /**
     * One answer and how it was given.
     *
     * @param questionId question
     * @param value      the typed value (yes/no as true/false, a number, option ids, a date, text), or null
     * @param source     VOICE, KEYPAD or NONE
     * @param decision   ACCEPT (the value was taken) or UNANSWERED
     * @param asks       times the question was asked: 2 when it was asked again after an unclear answer,
     *                   one more when the keypad was offered
     * @param confidence how sure the recogniser and interpreter were, 0 to 1 (1 for the keypad)
     * @param confirmed  whether the resident confirmed a spoken answer when it was read back to them
     * @param transcript what the recogniser heard in the answer that counted (a spoken value, or "I don't
     *                   know"); empty when the keypad gave the value or nothing was understood
     * @param transcriptNotCounted what the recogniser heard at a voice attempt that did not count: the
     *                   keypad answered after it, or it was not understood; empty when there was none
     * @param recording  whether a recording of the spoken answer can be played (officials only)
     */
    record Answer(String questionId, @Schema(nullable = true) Object value, String source, String decision, int asks,
                  double confidence, boolean confirmed, String transcript,
                  @Schema(description = "What was heard at a voice attempt that did not count (the keypad answered"
                          + " after it, or it was not understood); empty when none") String transcriptNotCounted,
                  @Schema(nullable = true, description = "OFFICIAL only") Boolean recording) {
    }

    static ResidentView of(ResidentAnswers answers, Viewer viewer, Predicate<Map<String, Object>> playable) {
        boolean full = viewer.seesResidents();
        SurveyResults.Resident resident = answers.resident();
        List<Survey> surveys = answers.surveys().stream()
                .map(result -> new Survey(result.attemptId(), result.status().toLowerCase(), result.triageFlags(),
                        result.endedAt(), result.answers().stream()
                        .map(answer -> answer(answer, full ? playable.test(answer) : null)).toList()))
                .toList();
        return new ResidentView(resident.contactRef(), full ? resident.name() : null, full ? resident.phone() : null,
                resident.language(), resident.followedUpAt(), surveys);
    }

    private static Answer answer(Map<String, Object> answer, Boolean playable) {
        Object asks = answer.get("asks");
        Object confidence = answer.get("confidence");
        String transcript = answer.get("transcript") == null ? "" : answer.get("transcript").toString();
        String source = String.valueOf(answer.get("source"));
        boolean counts = AnsweredQuestion.transcriptCounts(Arrays.stream(AnswerSource.values())
                        .filter(known -> known.name().equals(source)).findFirst().orElse(AnswerSource.NONE),
                Boolean.TRUE.equals(answer.get("doesNotKnow")));
        return new Answer(String.valueOf(answer.get("questionId")), answer.get("value"),
                source, String.valueOf(answer.get("decision")),
                asks instanceof Number n ? n.intValue() : 1,
                confidence instanceof Number c ? c.doubleValue() : 0,
                Boolean.TRUE.equals(answer.get("confirmed")), counts ? transcript : "", counts ? "" : transcript,
                playable);
    }
}
