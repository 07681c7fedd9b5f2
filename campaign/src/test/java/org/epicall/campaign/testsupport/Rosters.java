package org.epicall.campaign.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.NewCampaign;
import org.epicall.campaign.lifecycle.Campaign;

/** Creates imported campaigns for tests. */
public final class Rosters {

    public static final String QUESTIONNAIRE = """
            id: covid-checkin
            questions:
              - id: fever
                type: yes_no
              - id: symptoms
                type: choice
            """;

    private Rosters() {
    }

    public static Campaign imported(Campaigns campaigns, String csv) {
        return campaigns.create(new NewCampaign("test campaign", QUESTIONNAIRE, "covid.yaml", "roster.csv", "KR", "ko"),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true);
    }
}
