package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.questionnaire.KnownQuestionnaire;
import org.epicall.campaign.questionnaire.QuestionnaireLibrary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Questionnaires: those the service knows, a check of an uploaded one, and a campaign's own. */
@RestController
@Tag(name = "Questionnaires", description = "What the calls ask")
class QuestionnaireController {

    private final QuestionnaireLibrary library;
    private final Campaigns campaigns;

    QuestionnaireController(QuestionnaireLibrary library, Campaigns campaigns) {
        this.library = library;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/questionnaires")
    @Operation(summary = "Questionnaires a new campaign may use: shipped ones and those earlier campaigns ran")
    List<KnownQuestionnaire> known() {
        return library.known();
    }

    @GetMapping("/api/questionnaires/{ref}")
    @Operation(summary = "One known questionnaire by its ref, e.g. shipped:covid-checkin")
    QuestionnaireView get(@PathVariable String ref) {
        QuestionnaireLibrary.Source source = library.find(ref).orElseThrow(() -> new NotFoundException(
                "questionnaire-not-found", "no questionnaire '" + ref + "'; GET /api/questionnaires lists the known ones"));
        return QuestionnaireView.of(library.load(source.yaml(), source.fileName()));
    }

    @PostMapping(path = "/api/questionnaires/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Validate a questionnaire file without using it (OFFICIAL)",
            description = "Answers with the questionnaire as a campaign would run it, or 400 with every problem the"
                    + " loader found, each with its path and line in the file.")
    QuestionnaireView check(@RequestPart("questionnaire") MultipartFile questionnaire) throws IOException {
        String name = questionnaire.getOriginalFilename() == null ? "questionnaire.yaml"
                : questionnaire.getOriginalFilename();
        return QuestionnaireView.of(library.load(new String(questionnaire.getBytes(), StandardCharsets.UTF_8), name));
    }

    @GetMapping("/api/campaigns/{id}/questionnaire")
    @Operation(summary = "The questionnaire a campaign runs: questions in order, follow-up conditions, triage rules,"
            + " every prompt per language")
    QuestionnaireView ofCampaign(@PathVariable String id) {
        return QuestionnaireView.of(campaigns.questionnaire(id));
    }
}
