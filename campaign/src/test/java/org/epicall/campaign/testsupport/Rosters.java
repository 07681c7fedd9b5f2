package org.epicall.campaign.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.NewCampaign;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.schedule.CampaignSchedule;

/** Creates imported campaigns for tests. */
public final class Rosters {

    /** The questionnaire shipped with the survey module. */
    public static final String QUESTIONNAIRE = shippedQuestionnaire();

    private Rosters() {
    }

    private static String shippedQuestionnaire() {
        try (var in = Rosters.class.getClassLoader().getResourceAsStream("questionnaires/covid-checkin.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Campaign imported(Campaigns campaigns, String csv) {
        return imported(campaigns, csv, null);
    }

    /** A campaign on its own calling window and retry policy ({@code null}: the configured defaults). */
    public static Campaign imported(Campaigns campaigns, String csv, CampaignSchedule schedule) {
        return campaigns.create(new NewCampaign("test campaign", QUESTIONNAIRE, "covid.yaml", "roster.csv", "KR", "ko",
                        schedule),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true);
    }
}
