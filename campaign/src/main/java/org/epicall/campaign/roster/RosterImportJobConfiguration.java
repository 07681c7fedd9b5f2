package org.epicall.campaign.roster;

import java.nio.file.Path;
import java.util.Set;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The roster import job. Its first step splits the roster into line ranges imported in parallel, each
 * by a restartable chunk step reading the CSV, validating and normalising each row, and inserting
 * contacts; bad rows are skipped into the rejects report in the chunk's transaction, and each reader's
 * position is saved with every chunk, so a restarted import resumes every range after its last committed
 * chunk. Rows whose number another row had claimed first are parked; the second step keeps the lowest
 * line of each number and rejects the others, so duplicates come out as a top-to-bottom reading gives.
 *
 * <p>Job parameters: {@code campaignId}, {@code rosterFile} (path), {@code region}, {@code language}.
 */
@Configuration(proxyBeanMethods = false)
public class RosterImportJobConfiguration {

    /** Name of the job in the job repository. */
    public static final String JOB_NAME = "rosterImport";
    static final String STEP_NAME = "rosterImportStep";
    static final String PARTITION_STEP_NAME = "rosterImportPartition";
    static final String DUPLICATES_STEP_NAME = "rosterDuplicatesStep";

    @Bean
    Job rosterImportJob(JobRepository jobRepository, Step rosterImportStep, Step rosterDuplicatesStep,
                        ImportClaims importClaims) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(importClaims)
                .start(rosterImportStep)
                .next(rosterDuplicatesStep)
                .build();
    }

    @Bean
    Step rosterImportStep(JobRepository jobRepository, RosterPartitioner rosterPartitioner, Step rosterImportPartition,
                          CampaignProperties properties) {
        int partitions = properties.roster().partitions();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("roster-import-");
        executor.setConcurrencyLimit(partitions);
        return new StepBuilder(STEP_NAME, jobRepository)
                .partitioner(PARTITION_STEP_NAME, rosterPartitioner)
                .step(rosterImportPartition)
                .gridSize(partitions)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step rosterImportPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               RosterRecordReader rosterReader, ContactNormalizer contactNormalizer,
                               ContactWriter contactWriter, RejectsRecorder rejectsRecorder,
                               ImportCancellation importCancellation, CampaignProperties properties) {
        var skippable = Set.<Class<? extends Throwable>>of(UnreadableRecordException.class,
                RejectedRowException.class);
        return new StepBuilder(PARTITION_STEP_NAME, jobRepository)
                .<RosterLine, CandidateContact>chunk(properties.roster().chunkSize())
                .transactionManager(transactionManager)
                .reader(rosterReader)
                .processor(contactNormalizer)
                .writer(contactWriter)
                .faultTolerant()
                .skipPolicy(new LimitCheckingExceptionHierarchySkipPolicy(skippable, properties.roster().skipLimit()))
                .skipListener(rejectsRecorder)
                .listener((StepExecutionListener) importCancellation)
                .listener((ChunkListener<RosterLine, CandidateContact>) importCancellation)
                .build();
    }

    @Bean
    Step rosterDuplicatesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              DuplicateResolver duplicateResolver) {
        return new StepBuilder(DUPLICATES_STEP_NAME, jobRepository)
                .tasklet(duplicateResolver, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    RosterPartitioner rosterPartitioner(@Value("#{jobParameters['rosterFile']}") String rosterFile,
                                        CampaignProperties properties) {
        return new RosterPartitioner(Path.of(rosterFile), properties.roster().minPartitionRows(),
                properties.roster().maxRowChars());
    }

    @Bean
    @StepScope
    RosterRecordReader rosterReader(@Value("#{jobParameters['rosterFile']}") String rosterFile,
                                    @Value("#{stepExecutionContext['recordsBefore']}") int recordsBefore,
                                    @Value("#{stepExecutionContext['records']}") int records,
                                    CampaignProperties properties) {
        return new RosterRecordReader(Path.of(rosterFile), recordsBefore, records, properties.roster().maxRowChars());
    }

    @Bean
    @StepScope
    ContactNormalizer contactNormalizer(@Value("#{jobParameters['campaignId']}") String campaignId,
                                        @Value("#{jobParameters['region']}") String region,
                                        @Value("#{jobParameters['language']}") String language,
                                        @Value("#{stepExecution.jobExecutionId}") long jobExecutionId,
                                        ImportClaims importClaims, DoNotCallList doNotCallList,
                                        ContactReferences references) {
        return new ContactNormalizer(campaignId, references, region, language, importClaims.of(jobExecutionId, campaignId),
                doNotCallList.keys());
    }

    @Bean
    @StepScope
    RejectsRecorder rejectsRecorder(@Value("#{jobParameters['campaignId']}") String campaignId, RosterRejects rejects) {
        return new RejectsRecorder(campaignId, rejects);
    }

    @Bean
    @StepScope
    ImportCancellation importCancellation(@Value("#{jobParameters['campaignId']}") String campaignId,
                                          CampaignRepository campaigns) {
        return new ImportCancellation(campaignId, campaigns);
    }

    @Bean
    @StepScope
    DuplicateResolver duplicateResolver(@Value("#{jobParameters['campaignId']}") String campaignId,
                                        JdbcTemplate jdbcTemplate) {
        return new DuplicateResolver(campaignId, jdbcTemplate);
    }

    @Bean
    ContactWriter contactWriter(JdbcTemplate jdbcTemplate) {
        String database = jdbcTemplate.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return new ContactWriter(jdbcTemplate, "H2".equals(database));
    }

    @Bean
    ImportClaims importClaims(ContactWriter contactWriter) {
        return new ImportClaims(contactWriter);
    }
}
