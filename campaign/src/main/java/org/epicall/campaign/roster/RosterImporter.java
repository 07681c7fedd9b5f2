package org.epicall.campaign.roster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs roster imports through the Spring Batch job, resuming an interrupted one where it stopped.
 * Thread-safe; one import per campaign at a time.
 */
@Service
public class RosterImporter {

    private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job rosterImportJob;
    private final RosterRejects rejects;
    private final JdbcClient jdbc;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

    public RosterImporter(JobOperator jobOperator, JobRepository jobRepository, Job rosterImportJob,
                          RosterRejects rejects, JdbcClient jdbc) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.rosterImportJob = rosterImportJob;
        this.rejects = rejects;
        this.jdbc = jdbc;
    }

    /**
     * Checks that a file can be a roster at all: UTF-8 and a header with a phone column. Row-level
     * problems are not checked here; the import rejects those rows one by one.
     *
     * @throws RosterFormatException naming the line and the problem
     */
    public static void checkFile(Path roster) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(roster), decoder))) {
            String header = reader.readLine();
            if (header == null) {
                throw new RosterFormatException(1, null, "the roster is empty; it needs a header line naming the"
                        + " columns, e.g. phone,name,timezone,language");
            }
            RosterColumns.parse(header);
            int line = 1;
            while (reader.readLine() != null) {
                line++;
            }
        } catch (CharacterCodingException e) {
            throw new RosterFormatException(0, null, "the roster is not UTF-8 text; save it as CSV UTF-8");
        } catch (IOException e) {
            throw new RosterFormatException(0, null, "the roster cannot be read: " + e.getMessage());
        }
    }

    /** Whether this process is importing the campaign's roster right now. */
    public boolean isRunning(String campaignId) {
        return runningHere.contains(campaignId);
    }

    /**
     * Imports (or resumes importing) a roster into a campaign and waits for it to finish.
     *
     * @param campaignId    campaign whose contacts these are
     * @param rosterFile    CSV file; must stay in place until the import has completed
     * @param defaultRegion region for numbers without country code, e.g. {@code KR}
     * @param language      language for rows without one
     * @return counts after the run
     */
    public ImportSummary run(String campaignId, Path rosterFile, String defaultRegion, String language) {
        if (!runningHere.add(campaignId)) {
            throw new IllegalStateException("the roster of campaign " + campaignId + " is already being imported");
        }
        try {
            JobParameters parameters = new JobParametersBuilder()
                    .addString("campaignId", campaignId)
                    .addString("rosterFile", rosterFile.toAbsolutePath().toString())
                    .addString("region", defaultRegion)
                    .addString("language", language)
                    .toJobParameters();
            JobExecution execution = launch(parameters);
            return summary(campaignId, execution);
        } finally {
            runningHere.remove(campaignId);
        }
    }

    private JobExecution launch(JobParameters parameters) {
        try {
            JobExecution last = jobRepository.getLastJobExecution(RosterImportJobConfiguration.JOB_NAME, parameters);
            if (last == null) {
                return jobOperator.start(rosterImportJob, parameters);
            }
            if (last.getStatus() == BatchStatus.COMPLETED) {
                return last;
            }
            if (last.getStatus().isRunning()) {
                // Left "running" by a process that died: mark it failed so it can be restarted.
                log.warn("resuming roster import {} left running by a stopped process", last.getId());
                last = jobOperator.recover(last);
            }
            log.info("restarting roster import {} from its last committed chunk", last.getId());
            return jobOperator.restart(last);
        } catch (Exception e) {
            throw new IllegalStateException("roster import could not be launched: " + e.getMessage(), e);
        }
    }

    /** Counts as they stand now (also while an import is running). */
    public ImportSummary summary(String campaignId, JobExecution execution) {
        long imported = jdbc.sql("SELECT COUNT(*) FROM contact WHERE campaign_id = ?").param(campaignId)
                .query(Long.class).single();
        String failure = execution.getAllFailureExceptions().stream().findFirst()
                .map(RosterImporter::rootMessage).orElse(null);
        return new ImportSummary(campaignId, execution.getStatus().name(), imported, rejects.count(campaignId), failure);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
