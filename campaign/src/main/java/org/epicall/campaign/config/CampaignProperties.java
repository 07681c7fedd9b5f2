package org.epicall.campaign.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the campaign service, under {@code epicall.campaign}.
 *
 * @param storageDir where uploaded rosters are kept while their import may still be restarted
 * @param roster     roster import settings
 * @param schedule   calling window, retry and sweep settings
 * @param security   the users allowed in and their roles
 * @param followUp   where officials' follow-up work finds the residents' recorded answers
 * @param prompts    whether a campaign needs every prompt recorded before it starts
 */
@Validated
@ConfigurationProperties("epicall.campaign")
public record CampaignProperties(
        @NotNull @DefaultValue("./data/campaign") Path storageDir,
        @Valid @NotNull @DefaultValue RosterProperties roster,
        @Valid @NotNull @DefaultValue ScheduleProperties schedule,
        @Valid @NotNull @DefaultValue SecurityProperties security,
        @Valid @NotNull @DefaultValue FollowUpProperties followUp,
        @Valid @NotNull @DefaultValue PromptProperties prompts) {
}
