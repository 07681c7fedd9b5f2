package org.epicall.campaign.followup;

import java.util.List;
import org.epicall.campaign.contact.SurveyResults;

/**
 * A resident and every survey they answered in a campaign, newest first.
 *
 * @param resident who they are and whether they were followed up
 * @param surveys  their surveys, each answer as the dialer reported it
 */
public record ResidentAnswers(SurveyResults.Resident resident, List<SurveyResults.StoredResult> surveys) {

    public ResidentAnswers {
        surveys = List.copyOf(surveys);
    }
}
