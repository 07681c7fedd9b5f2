package org.epicall.campaign.roster;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The numbers each running import has claimed, by job execution, shared by the import's partitions so
 * that no two of them store a contact with the same number. A run starts from the numbers the campaign
 * already has (an interrupted earlier run's), and its claims are dropped when it ends. Thread-safe.
 */
class ImportClaims implements JobExecutionListener {

    private final ConcurrentMap<Long, ConcurrentMap<Long, Integer>> byExecution = new ConcurrentHashMap<>();
    private final ContactWriter contacts;

    ImportClaims(ContactWriter contacts) {
        this.contacts = contacts;
    }

    /** Claims of a run: number key to the line that claimed it. */
    ConcurrentMap<Long, Integer> of(long jobExecutionId, String campaignId) {
        return byExecution.computeIfAbsent(jobExecutionId, id -> contacts.existingNumbers(campaignId));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        byExecution.remove(jobExecution.getId());
    }
}
