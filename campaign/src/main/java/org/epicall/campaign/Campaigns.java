package org.epicall.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.contact.CampaignProgress;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.contact.SurveyResults;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignLifecycle;
import org.epicall.campaign.lifecycle.CampaignNotFoundException;
import org.epicall.campaign.lifecycle.CampaignNotReadyException;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.lifecycle.CampaignStateChanged;
import org.epicall.campaign.lifecycle.ImportStatus;
import org.epicall.campaign.lifecycle.QuestionnaireCheck;
import org.epicall.campaign.prompt.PromptFiles;
import org.epicall.campaign.roster.ImportSummary;
import org.epicall.campaign.roster.RosterFormatException;
import org.epicall.campaign.roster.RosterImporter;
import org.epicall.campaign.roster.RosterReject;
import org.epicall.campaign.roster.RosterRejects;
import org.epicall.campaign.storage.PrivateFiles;
import org.epicall.campaign.schedule.CampaignSchedule;
import org.epicall.campaign.schedule.CampaignSchedules;
import org.epicall.campaign.schedule.ProgressChanged;
import org.epicall.survey.questionnaire.Questionnaire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign service's Java API: what the REST API, the dashboard and the demo use. Every change an
 * official makes is written to the {@link AuditLog} in the change's own transaction. Thread-safe.
 */
@Service
public class Campaigns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);

    private final CampaignRepository campaigns;
    private final CampaignLifecycle lifecycle;
    private final RosterImporter importer;
    private final RosterRejects rejects;
    private final ContactStore contacts;
    private final SurveyResults results;
    private final QuestionnaireCheck questionnaireCheck;
    private final CampaignSchedules schedules;
    private final CampaignProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PromptFiles prompts;
    private final ExecutorService imports = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("roster-import-", 0).factory());

    Campaigns(CampaignRepository campaigns, CampaignLifecycle lifecycle, RosterImporter importer, RosterRejects rejects,
              ContactStore contacts, SurveyResults results, QuestionnaireCheck questionnaireCheck,
              CampaignSchedules schedules, CampaignProperties properties, AuditLog audit, TransactionTemplate tx,
              ApplicationEventPublisher events, Clock clock, PromptFiles prompts) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.importer = importer;
        this.rejects = rejects;
        this.contacts = contacts;
        this.results = results;
        this.questionnaireCheck = questionnaireCheck;
        this.schedules = schedules;
        this.properties = properties;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.prompts = prompts;
    }

    /**
     * Creates a draft campaign and imports its roster.
     *
     * @param spec          name, questionnaire and defaults
     * @param roster        the roster CSV; read fully before this returns
     * @param waitForImport true to return after the import finished, false to import in the background
     * @return the campaign as stored
     * @throws RosterFormatException  when the roster cannot be a roster at all (bad rows are only rejected)
     * @throws org.epicall.campaign.lifecycle.InvalidQuestionnaireException when the questionnaire is invalid
     */
    public Campaign create(NewCampaign spec, InputStream roster, boolean waitForImport) {
        String questionnaireId = questionnaireCheck.check(spec.questionnaireYaml(), spec.questionnaireFileName());
        String id = "cmp-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path rosterFile = store(id, roster);
        try {
            RosterImporter.checkFile(rosterFile);
        } catch (RosterFormatException e) {
            deleteQuietly(rosterFile);
            throw e.in(spec.rosterFileName());
        }
        Instant now = clock.instant();
        String region = spec.defaultRegion() == null ? properties.roster().defaultRegion() : spec.defaultRegion();
        String language = spec.defaultLanguage() == null ? properties.roster().defaultLanguage() : spec.defaultLanguage();
        Campaign campaign = new Campaign(id, spec.name(), CampaignState.DRAFT, questionnaireId, region, language,
                ImportStatus.PENDING, null, now, now);
        CampaignSchedule schedule = spec.schedule() == null ? schedules.defaults() : spec.schedule();
        tx.executeWithoutResult(status -> {
            campaigns.insert(campaign, spec.questionnaireYaml(), rosterFile.toString());
            schedules.save(id, schedule);
            audit.record(AuditAction.CAMPAIGN_CREATED, id, null,
                    "questionnaire " + questionnaireId + ", roster " + spec.rosterFileName());
        });
        events.publishEvent(new CampaignStateChanged(id, CampaignState.DRAFT));
        log.info("campaign {} '{}' created; importing roster", id, spec.name());
        if (waitForImport) {
            runImport(id, rosterFile, region, language);
        } else {
            imports.submit(() -> runImport(id, rosterFile, region, language));
        }
        return lifecycle.get(id);
    }

    private void runImport(String id, Path rosterFile, String region, String language) {
        campaigns.updateImport(id, ImportStatus.RUNNING, null, clock.instant());
        try {
            ImportSummary summary = importer.run(id, rosterFile, region, language);
            ImportStatus status = summary.completed() ? ImportStatus.COMPLETED
                    : cancelled(id) ? ImportStatus.CANCELLED : ImportStatus.FAILED;
            campaigns.updateImport(id, status, summary.failure(), clock.instant());
            log.info("campaign {}: roster import {}: {} contacts, {} rejected", id, summary.status(),
                    summary.imported(), summary.rejected());
        } catch (RuntimeException e) {
            log.error("campaign {}: roster import failed", id, e);
            campaigns.updateImport(id, ImportStatus.FAILED, e.getMessage(), clock.instant());
        } finally {
            // The residents now counted reach open dashboards.
            events.publishEvent(new ProgressChanged(id));
        }
    }

    private boolean cancelled(String id) {
        return campaigns.find(id).map(c -> c.state() == CampaignState.CANCELLED).orElse(true);
    }

    /** Resumes imports that a stopped process left unfinished, except those of cancelled campaigns. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedImports() {
        for (Campaign campaign : campaigns.findAll()) {
            boolean unfinished = campaign.importStatus() == ImportStatus.RUNNING
                    || campaign.importStatus() == ImportStatus.PENDING;
            if (unfinished && campaign.state() == CampaignState.CANCELLED) {
                campaigns.updateImport(campaign.id(), ImportStatus.CANCELLED, null, clock.instant());
            } else if (unfinished) {
                campaigns.rosterFile(campaign.id()).map(Path::of).filter(Files::exists).ifPresent(file -> {
                    log.info("campaign {}: resuming interrupted roster import", campaign.id());
                    imports.submit(() -> runImport(campaign.id(), file, campaign.defaultRegion(),
                            campaign.defaultLanguage()));
                });
            }
        }
    }

    public Campaign get(String id) {
        return lifecycle.get(id);
    }

    public List<Campaign> list() {
        return campaigns.findAll();
    }

    /** The questionnaire the campaign runs, as it was when the campaign was created. */
    public Questionnaire questionnaire(String id) {
        lifecycle.get(id);
        String yaml = campaigns.questionnaireYaml(id).orElseThrow(() -> new CampaignNotFoundException(id));
        return questionnaireCheck.load(yaml, "questionnaire of " + id);
    }

    /** The campaign's calling window and retry policy. */
    public CampaignSchedule schedule(String id) {
        lifecycle.get(id);
        return schedules.of(id);
    }

    /** The calling window and retry policy a new campaign gets unless its official changes them. */
    public CampaignSchedule defaultSchedule() {
        return schedules.defaults();
    }

    /**
     * Draft → running, once its roster is imported and (unless {@code epicall.campaign.prompts.required} is
     * false) every prompt of its questionnaire has a recording in every language.
     *
     * @throws CampaignNotReadyException naming the missing prompts and how to provide them
     */
    @Transactional
    public Campaign start(String id) {
        if (properties.prompts().required() && lifecycle.get(id).state() == CampaignState.DRAFT) {
            List<String> missing = prompts.missing(id, questionnaire(id));
            if (!missing.isEmpty()) {
                throw new CampaignNotReadyException(id, missingPrompts(id, missing));
            }
        }
        Campaign campaign = lifecycle.start(id);
        audit.record(AuditAction.CAMPAIGN_STARTED, id, null, null);
        return campaign;
    }

    private static String missingPrompts(String id, List<String> missing) {
        int shown = Math.min(missing.size(), 6);
        return missing.size() + (missing.size() == 1 ? " prompt has" : " prompts have") + " no recording: "
                + String.join(", ", missing.subList(0, shown))
                + (missing.size() > shown ? " and " + (missing.size() - shown) + " more" : "")
                + "; upload an official's recording of each (POST /api/campaigns/" + id + "/prompts/<language>/<prompt>)"
                + " or render the missing ones from the questionnaire's text (POST /api/campaigns/" + id
                + "/prompts/render)";
    }

    @Transactional
    public Campaign pause(String id) {
        Campaign campaign = lifecycle.pause(id);
        audit.record(AuditAction.CAMPAIGN_PAUSED, id, null, null);
        return campaign;
    }

    @Transactional
    public Campaign resume(String id) {
        Campaign campaign = lifecycle.resume(id);
        audit.record(AuditAction.CAMPAIGN_RESUMED, id, null, null);
        return campaign;
    }

    /** Cancels the campaign; a roster import still running stops at its next chunk and is never resumed. */
    @Transactional
    public Campaign cancel(String id) {
        Campaign campaign = lifecycle.cancel(id);
        audit.record(AuditAction.CAMPAIGN_CANCELLED, id, null, null);
        if (campaign.importStatus() == ImportStatus.PENDING || campaign.importStatus() == ImportStatus.RUNNING) {
            campaigns.updateImport(id, ImportStatus.CANCELLED, null, clock.instant());
            return lifecycle.get(id);
        }
        return campaign;
    }

    /**
     * The campaign's residents' numbers by contact reference: what an audit across campaigns needs to
     * see that one resident was never in two calls at once. Identifying, so for officials' tools only
     * (the REST API never hands it out).
     */
    public Map<String, String> residentNumbers(String id) {
        lifecycle.get(id);
        return contacts.phoneNumbers(id);
    }

    /** The attempts dialer nodes refused to place (nothing dialed), with the latest reasons. */
    public ContactStore.Refusals refusals(String id, int latest) {
        lifecycle.get(id);
        return contacts.refusals(id, latest);
    }

    /** Counts: dialed / answered / completed / retrying / failed and more. */
    public CampaignProgress progress(String id) {
        lifecycle.get(id);
        return contacts.progress(id);
    }

    public List<RosterReject> rejects(String id, int offset, int limit) {
        lifecycle.get(id);
        return rejects.list(id, offset, limit);
    }

    /** Roster rows of the campaign that were not imported, so far. */
    public long rejectedCount(String id) {
        return rejects.count(id);
    }

    public List<SurveyResults.StoredResult> results(String id, int offset, int limit) {
        lifecycle.get(id);
        return results.list(id, offset, limit);
    }

    public List<SurveyResults.FlaggedResident> flagged(String id) {
        lifecycle.get(id);
        return results.flagged(id);
    }

    @Transactional
    public boolean markFollowedUp(String id, String contactRef) {
        lifecycle.get(id);
        boolean marked = results.markFollowedUp(id, contactRef, clock.instant());
        if (marked) {
            audit.record(AuditAction.RESIDENT_FOLLOWED_UP, id, contactRef, null);
        }
        return marked;
    }

    public Map<String, Map<String, Long>> answerDistribution(String id) {
        lifecycle.get(id);
        return results.answerDistribution(id);
    }

    private Path store(String id, InputStream roster) {
        try {
            PrivateFiles.directory(properties.storageDir());
            Path dir = PrivateFiles.directory(properties.storageDir().resolve("rosters"));
            Path file = dir.resolve(id + ".csv");
            Files.copy(roster, file, StandardCopyOption.REPLACE_EXISTING);
            return PrivateFiles.file(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the roster under " + properties.storageDir(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("could not delete {}", file, e);
        }
    }

    @Override
    public void destroy() {
        imports.shutdownNow();
    }
}
