package org.epicall.campaign.roster;

import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.CampaignState;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Stops a range of the roster import once its campaign is cancelled: checked when the range starts
 * (so a restart of a cancelled campaign's import imports nothing) and after each chunk (one query per
 * chunk). The step then ends STOPPED at the next chunk boundary, keeping what it had committed.
 * One instance per step execution.
 */
class ImportCancellation implements StepExecutionListener, ChunkListener<RosterLine, CandidateContact> {

    private final String campaignId;
    private final CampaignRepository campaigns;
    private StepExecution stepExecution;

    ImportCancellation(String campaignId, CampaignRepository campaigns) {
        this.campaignId = campaignId;
        this.campaigns = campaigns;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
        stopIfCancelled();
    }

    @Override
    public void afterChunk(Chunk<CandidateContact> chunk) {
        stopIfCancelled();
    }

    private void stopIfCancelled() {
        if (campaigns.find(campaignId).map(c -> c.state() == CampaignState.CANCELLED).orElse(true)) {
            stepExecution.setTerminateOnly();
        }
    }
}
