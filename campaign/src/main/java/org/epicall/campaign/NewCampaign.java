package org.epicall.campaign;

import java.util.Objects;
import org.epicall.campaign.schedule.CampaignSchedule;

/**
 * What an official gives to create a campaign (besides the roster).
 *
 * @param name                  human name
 * @param questionnaireYaml     questionnaire text
 * @param questionnaireFileName file name as uploaded, for error messages
 * @param rosterFileName        roster file name as uploaded, for error messages
 * @param defaultRegion         region for numbers without country code, or {@code null} for the configured default
 * @param defaultLanguage       language for rows without one, or {@code null} for the configured default
 * @param schedule              calling window and retry policy, or {@code null} for the configured defaults
 */
public record NewCampaign(String name, String questionnaireYaml, String questionnaireFileName, String rosterFileName,
                          String defaultRegion,
                          String defaultLanguage,
                          CampaignSchedule schedule) {

    /** A campaign on the service's default calling window and retry policy. */
    public NewCampaign(String name, String questionnaireYaml, String questionnaireFileName, String rosterFileName,
                       String defaultRegion, String defaultLanguage) {
        this(name, questionnaireYaml, questionnaireFileName, rosterFileName, defaultRegion, defaultLanguage, null);
    }

    public NewCampaign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(questionnaireYaml, "questionnaireYaml");
        questionnaireFileName = questionnaireFileName == null ? "questionnaire.yaml" : questionnaireFileName;
        rosterFileName = rosterFileName == null ? "roster.csv" : rosterFileName;
    }
}
