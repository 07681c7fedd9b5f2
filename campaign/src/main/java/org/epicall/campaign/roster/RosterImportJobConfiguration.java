package org.epicall.campaign.roster;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.epicall.campaign.config.CampaignProperties;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The roster import job: one restartable chunk step reading the CSV, validating and normalising each
 * row, and inserting contacts. Bad rows are skipped into the rejects report; the reader's position is
 * saved with every chunk, so a restarted import resumes after the last committed chunk.
 *
 * <p>Job parameters: {@code campaignId}, {@code rosterFile} (path), {@code region}, {@code language}.
 */
@Configuration(proxyBeanMethods = false)
public class RosterImportJobConfiguration {

    /** Name of the job in the job repository. */
    public static final String JOB_NAME = "rosterImport";
    static final String STEP_NAME = "rosterImportStep";

    @Bean
    Job rosterImportJob(JobRepository jobRepository, Step rosterImportStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(rosterImportStep).build();
    }

    @Bean
    Step rosterImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          FlatFileItemReader<RosterLine> rosterReader, ContactNormalizer contactNormalizer,
                          ContactWriter contactWriter, RejectsRecorder rejectsRecorder, CampaignProperties properties) {
        var skippable = Set.<Class<? extends Throwable>>of(FlatFileParseException.class, RejectedRowException.class);
        return new StepBuilder(STEP_NAME, jobRepository)
                .<RosterLine, ImportedContact>chunk(properties.roster().chunkSize())
                .transactionManager(transactionManager)
                .reader(rosterReader)
                .processor(contactNormalizer)
                .writer(contactWriter)
                .faultTolerant()
                .skipPolicy(new LimitCheckingExceptionHierarchySkipPolicy(skippable, properties.roster().skipLimit()))
                .skipListener(rejectsRecorder)
                .build();
    }

    @Bean
    @StepScope
    FlatFileItemReader<RosterLine> rosterReader(@Value("#{jobParameters['rosterFile']}") String rosterFile) {
        RosterLineMapper mapper = new RosterLineMapper();
        FlatFileItemReader<RosterLine> reader = new FlatFileItemReader<>(new FileSystemResource(Path.of(rosterFile)), mapper);
        reader.setName("roster");
        reader.setEncoding("UTF-8");
        reader.setBufferedReaderFactory(new BomSkippingReaderFactory());
        reader.setLinesToSkip(1);
        reader.setSkippedLinesCallback(mapper);
        // No comment prefix and no continuation marker: every line of an official's roster is data.
        reader.setComments(new String[0]);
        reader.setRecordSeparatorPolicy(new DefaultRecordSeparatorPolicy("\"", "\u0000"));
        reader.setStrict(true);
        return reader;
    }

    @Bean
    @StepScope
    ContactNormalizer contactNormalizer(@Value("#{jobParameters['campaignId']}") String campaignId,
                                        @Value("#{jobParameters['region']}") String region,
                                        @Value("#{jobParameters['language']}") String language,
                                        ContactWriter contactWriter, DoNotCallList doNotCallList) {
        Map<Long, Integer> seen = contactWriter.existingNumbers(campaignId);
        return new ContactNormalizer(campaignId, region, language, seen, doNotCallList.keys());
    }

    @Bean
    @StepScope
    RejectsRecorder rejectsRecorder(@Value("#{jobParameters['campaignId']}") String campaignId, RosterRejects rejects) {
        return new RejectsRecorder(campaignId, rejects);
    }

    @Bean
    ContactWriter contactWriter(JdbcTemplate jdbcTemplate) {
        return new ContactWriter(jdbcTemplate);
    }
}
