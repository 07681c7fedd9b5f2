package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.NewCampaign;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.contact.CampaignProgress;
import org.epicall.campaign.contact.SurveyResults;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.questionnaire.QuestionnaireLibrary;
import org.epicall.campaign.schedule.CampaignSchedule;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns over HTTP. OFFICIAL may change them; ANALYST and OFFICIAL may read them. Residents' names,
 * numbers and roster values are shown to OFFICIAL only; ANALYST gets the pseudonymous contact reference
 * the result events carry (see {@link Viewer}).
 */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "Create, run and watch call campaigns")
@Validated
class CampaignController {

    private static final String IMPORT_DETAIL = "importDetail may quote a roster row: OFFICIAL gets it as written,"
            + " ANALYST with the row's values replaced by " + RosterValues.HIDDEN + ".";

    private final Campaigns campaigns;
    private final CampaignProperties properties;
    private final QuestionnaireLibrary library;
    private final ObjectReader scheduleReader;

    CampaignController(Campaigns campaigns, CampaignProperties properties, QuestionnaireLibrary library,
                       JsonMapper json) {
        this.campaigns = campaigns;
        this.properties = properties;
        this.library = library;
        // A misspelt key would silently keep a default the official meant to change.
        this.scheduleReader = json.readerFor(ScheduleRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private QuestionnaireLibrary.Source questionnaire(MultipartFile upload, String ref) throws IOException {
        boolean uploaded = upload != null && !upload.isEmpty();
        if (uploaded == (ref != null && !ref.isBlank())) {
            throw new BadRequestException("questionnaire", uploaded
                    ? "send either a questionnaire file or a questionnaireRef, not both"
                    : "the campaign needs a questionnaire: upload one (part 'questionnaire') or name a known one"
                    + " (questionnaireRef, from GET /api/questionnaires)");
        }
        if (uploaded) {
            return new QuestionnaireLibrary.Source(null, upload.getOriginalFilename(),
                    new String(upload.getBytes(), StandardCharsets.UTF_8));
        }
        return library.find(ref.strip()).orElseThrow(() -> new BadRequestException("questionnaireRef",
                "no questionnaire '" + ref + "'; GET /api/questionnaires lists the known ones"));
    }

    private CampaignSchedule schedule(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ScheduleRequest request;
        try {
            request = scheduleReader.readValue(text);
        } catch (JacksonException e) {
            throw new BadRequestException("schedule", "the schedule is not valid: " + e.getOriginalMessage()
                    + "; send JSON such as {\"windowStart\": \"09:00\", \"maxAttempts\": 3}");
        }
        return request == null ? null : request.over(campaigns.defaultSchedule());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Create a campaign from a roster CSV and a questionnaire YAML (OFFICIAL)",
            description = "The roster needs a header with a phone column; optional columns name, timezone, language."
                    + " Bad rows are skipped into the rejects report. The import runs in the background unless wait=true.")
    ResponseEntity<CampaignView> create(
            @RequestParam("name") String name,
            @RequestPart("roster") MultipartFile roster,
            @Parameter(description = "questionnaire YAML; or name a known one with questionnaireRef")
            @RequestPart(name = "questionnaire", required = false) MultipartFile questionnaire,
            @Parameter(description = "a known questionnaire (GET /api/questionnaires), instead of uploading one")
            @RequestParam(name = "questionnaireRef", required = false) String questionnaireRef,
            @Parameter(description = "region for numbers without country code, e.g. KR")
            @RequestParam(name = "region", required = false) String region,
            @Parameter(description = "language for rows without one, e.g. ko")
            @RequestParam(name = "language", required = false) String language,
            @Parameter(description = "wait for the roster import to finish")
            @RequestParam(name = "wait", defaultValue = "false") boolean wait,
            @Parameter(description = "calling window and retry policy as JSON (ScheduleRequest); every field optional",
                    schema = @Schema(implementation = ScheduleRequest.class))
            @RequestParam(name = "schedule", required = false) String schedule,
            Authentication caller) throws IOException {
        if (name.isBlank()) {
            throw new BadRequestException("name", "the campaign needs a name");
        }
        QuestionnaireLibrary.Source chosen = questionnaire(questionnaire, questionnaireRef);
        NewCampaign spec = new NewCampaign(name.strip(), chosen.yaml(), chosen.fileName(),
                roster.getOriginalFilename(), region, language, schedule(schedule));
        Campaign created;
        try (InputStream csv = roster.getInputStream()) {
            created = campaigns.create(spec, csv, wait);
        }
        return ResponseEntity.created(URI.create("/api/campaigns/" + created.id()))
                .body(CampaignView.of(created, campaigns, Viewer.of(caller)));
    }

    @GetMapping("/defaults")
    @Operation(summary = "What a new campaign gets unless its official changes it: region, language, schedule")
    NewCampaignDefaults defaults() {
        return new NewCampaignDefaults(properties.roster().defaultRegion(), properties.roster().defaultLanguage(),
                campaigns.defaultSchedule());
    }

    @GetMapping
    @Operation(summary = "All campaigns, newest first, with their counts",
            description = IMPORT_DETAIL)
    List<CampaignView> list(Authentication caller) {
        Viewer viewer = Viewer.of(caller);
        return campaigns.list().stream().map(c -> CampaignView.of(c, campaigns, viewer)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign with its counts", description = IMPORT_DETAIL)
    CampaignView get(@PathVariable String id, Authentication caller) {
        return view(campaigns.get(id), Viewer.of(caller));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start a draft campaign (OFFICIAL)")
    CampaignView start(@PathVariable String id, Authentication caller) {
        return view(campaigns.start(id), Viewer.of(caller));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause a running campaign; calls in progress finish (OFFICIAL)")
    CampaignView pause(@PathVariable String id, Authentication caller) {
        return view(campaigns.pause(id), Viewer.of(caller));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused campaign (OFFICIAL)")
    CampaignView resume(@PathVariable String id, Authentication caller) {
        return view(campaigns.resume(id), Viewer.of(caller));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a campaign for good (OFFICIAL)")
    CampaignView cancel(@PathVariable String id, Authentication caller) {
        return view(campaigns.cancel(id), Viewer.of(caller));
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Counts: contacts, pending, dialing, retrying, completed, failed, exhausted, dialed, answered, flagged",
            description = "The same for OFFICIAL and ANALYST: counts only.")
    CampaignProgress progress(@PathVariable String id) {
        return campaigns.progress(id);
    }

    @GetMapping("/{id}/rejects")
    @Operation(summary = "Roster rows that were not imported, with line number and reason",
            description = "OFFICIAL gets each reason as written, quoting the row's values so the roster can be fixed."
                    + " ANALYST gets the line numbers and the same reasons with quoted values and numbers replaced"
                    + " by " + RosterValues.HIDDEN + ".")
    List<RejectView> rejects(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
                             @RequestParam(defaultValue = "100") int limit, Authentication caller) {
        Viewer viewer = Viewer.of(caller);
        return campaigns.rejects(id, Paging.offset(offset), Paging.limit(limit))
                .stream().map(reject -> RejectView.of(reject, viewer)).toList();
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "Finished surveys, newest first",
            description = "The same for OFFICIAL and ANALYST, and like the result events: answers with their"
                    + " transcripts and the pseudonymous contactRef, never a name or phone number.")
    List<SurveyResults.StoredResult> results(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
                                             @RequestParam(defaultValue = "100") int limit) {
        return campaigns.results(id, Paging.offset(offset), Paging.limit(limit));
    }

    @GetMapping("/{id}/answers")
    @Operation(summary = "How often each answer was given, per question",
            description = "The same for OFFICIAL and ANALYST: counts only.")
    Map<String, Map<String, Long>> answers(@PathVariable String id) {
        return campaigns.answerDistribution(id);
    }

    private CampaignView view(Campaign campaign, Viewer viewer) {
        return CampaignView.of(campaign, campaigns, viewer);
    }
}
