package org.epicall.campaign.roster;

import org.springframework.batch.core.listener.SkipListener;

/**
 * Writes each skipped row into the rejects report. Spring Batch calls it inside the chunk's
 * transaction, so a chunk that rolls back takes its rejects with it and a restart records them once.
 */
class RejectsRecorder implements SkipListener<RosterLine, CandidateContact> {

    private final String campaignId;
    private final RosterRejects rejects;

    RejectsRecorder(String campaignId, RosterRejects rejects) {
        this.campaignId = campaignId;
        this.rejects = rejects;
    }

    @Override
    public void onSkipInRead(Throwable t) {
        if (t instanceof UnreadableRecordException unreadable) {
            rejects.record(campaignId, unreadable.lineNumber(), unreadable.reason());
        } else {
            throw new IllegalStateException("unexpected skip while reading the roster", t);
        }
    }

    @Override
    public void onSkipInProcess(RosterLine item, Throwable t) {
        String reason = t instanceof RejectedRowException rejected ? rejected.reason() : String.valueOf(t.getMessage());
        rejects.record(campaignId, item.lineNumber(), reason);
    }
}
