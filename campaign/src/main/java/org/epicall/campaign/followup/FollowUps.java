package org.epicall.campaign.followup;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.campaign.contact.FollowUpStatus;
import org.epicall.campaign.contact.SurveyResults;
import org.epicall.survey.questionnaire.Question;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officials' work on flagged residents: the list (by triage flag, awaiting or done), each resident's
 * answers, the recordings of spoken answers, the export for the people who call back, and the record
 * that a resident was called back. Listening, exporting and following up go to the audit log.
 * Thread-safe.
 */
@Service
public class FollowUps {

    private final Campaigns campaigns;
    private final SurveyResults results;
    private final Recordings recordings;
    private final AuditLog audit;

    FollowUps(Campaigns campaigns, SurveyResults results, Recordings recordings, AuditLog audit) {
        this.campaigns = campaigns;
        this.results = results;
        this.recordings = recordings;
        this.audit = audit;
    }

    /**
     * Flagged residents, newest survey first.
     *
     * @param flag only this triage flag, or {@code null}
     * @throws org.epicall.campaign.lifecycle.CampaignNotFoundException for an unknown campaign
     */
    public List<SurveyResults.FlaggedResident> flagged(String campaignId, String flag, FollowUpStatus status) {
        campaigns.get(campaignId);
        return results.flagged(campaignId, flag, status);
    }

    /** A resident of the campaign with their surveys, or empty if the campaign has no such resident. */
    public Optional<ResidentAnswers> resident(String campaignId, String contactRef) {
        campaigns.get(campaignId);
        return results.resident(campaignId, contactRef)
                .map(resident -> new ResidentAnswers(resident, results.resultsOf(campaignId, contactRef)));
    }

    /** Whether the answer has a recording this service can play. */
    public boolean hasRecording(String campaignId, Map<String, Object> answer) {
        return recordings.find(campaignId, audioPath(answer)).isPresent();
    }

    /**
     * The recording of a resident's answer to a question in one survey.
     *
     * @param startsListening true when this request starts a listen (not a later range of the same one):
     *                        it is then written to the audit log
     * @throws RecordingNotFoundException when there is none, saying why
     */
    @Transactional
    public Path recording(String campaignId, String contactRef, String attemptId, String questionId,
                          boolean startsListening) {
        campaigns.get(campaignId);
        Map<String, Object> answer = results.resultsOf(campaignId, contactRef).stream()
                .filter(result -> result.attemptId().equals(attemptId))
                .flatMap(result -> result.answers().stream())
                .filter(a -> questionId.equals(a.get("questionId")))
                .findFirst()
                .orElseThrow(() -> new RecordingNotFoundException("resident " + contactRef + " gave no answer to "
                        + questionId + " in attempt " + attemptId + " of campaign " + campaignId));
        String reported = audioPath(answer);
        if (reported == null) {
            throw new RecordingNotFoundException("the dialer kept no recording of " + contactRef + "'s answer to "
                    + questionId + " (answered on the keypad, or the recording was not kept)");
        }
        Path file = recordings.find(campaignId, reported).orElseThrow(() -> new RecordingNotFoundException(
                "the recording of " + contactRef + "'s answer to " + questionId + " is not in "
                        + recordings.root().resolve(campaignId) + ": the dialers delete recordings past their"
                        + " epicall.dialer.recordings-retention (30 days unless set), or"
                        + " epicall.campaign.follow-up.recordings-dir does not point at the dialers' recordings"
                        + " directory"));
        if (startsListening) {
            audit.record(AuditAction.RECORDING_PLAYED, campaignId, contactRef,
                    "question " + questionId + ", attempt " + attemptId);
        }
        return file;
    }

    /**
     * Writes the flagged residents as CSV and records the export in the audit log.
     *
     * @param zone the zone the CSV's times are written in
     * @return residents written
     */
    @Transactional
    public int export(String campaignId, String flag, FollowUpStatus status, ZoneId zone, Writer out)
            throws IOException {
        List<String> questionIds = campaigns.questionnaire(campaignId).sequence().order().stream()
                .map(Question::id).toList();
        List<SurveyResults.FlaggedResident> flagged = flagged(campaignId, flag, status);
        FlaggedCsv csv = new FlaggedCsv(out, questionIds, zone);
        csv.header();
        for (SurveyResults.FlaggedResident resident : flagged) {
            List<SurveyResults.StoredResult> surveys = results.resultsOf(campaignId, resident.contactRef());
            csv.resident(resident, surveys.isEmpty() ? null : surveys.getFirst());
        }
        out.flush();
        audit.record(AuditAction.FLAGGED_EXPORTED, campaignId, null, flagged.size()
                + (flagged.size() == 1 ? " resident" : " residents")
                + (flag == null ? "" : ", flag " + flag) + ", " + status.name().toLowerCase().replace('_', ' '));
        return flagged.size();
    }

    /**
     * Records that a resident was called back.
     *
     * @return false if the campaign has no such resident
     */
    public boolean markFollowedUp(String campaignId, String contactRef) {
        return campaigns.markFollowedUp(campaignId, contactRef);
    }

    private static String audioPath(Map<String, Object> answer) {
        Object path = answer.get("audioPath");
        return path == null ? null : path.toString();
    }
}
