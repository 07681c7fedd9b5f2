package org.epicall.campaign.roster;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;
import org.springframework.batch.infrastructure.item.file.transform.IncorrectTokenCountException;

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
        if (t instanceof FlatFileParseException parse) {
            int line = RosterLineMapper.firstLineOf(parse.getInput(), parse.getLineNumber());
            rejects.record(campaignId, line, describe(parse));
        } else {
            throw new IllegalStateException("unexpected skip while reading the roster", t);
        }
    }

    @Override
    public void onSkipInProcess(RosterLine item, Throwable t) {
        String reason = t instanceof RejectedRowException rejected ? rejected.reason() : String.valueOf(t.getMessage());
        rejects.record(campaignId, item.lineNumber(), reason);
    }

    static String describe(FlatFileParseException parse) {
        Throwable cause = parse.getCause();
        if (cause instanceof IncorrectTokenCountException count) {
            return "expected " + count.getExpectedCount() + " fields as in the header but found " + count.getActualCount();
        }
        if (cause == null && parse.getMessage() != null && parse.getMessage().contains("end of file")) {
            return "a quoted field is never closed (missing \")";
        }
        return cause != null && cause.getMessage() != null ? cause.getMessage() : "unreadable row";
    }
}
