package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.epicall.campaign.prompt.PromptAudio;
import org.epicall.campaign.prompt.PromptRecording;
import org.epicall.campaign.prompt.PromptRenderer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The recordings a campaign plays for its prompts: listed and played by anyone signed in (they are the
 * questionnaire's voice, not a resident's), replaced by an official's own recording.
 */
@RestController
@Tag(name = "Questionnaires")
class PromptAudioController {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final PromptAudio prompts;
    private final PromptRenderer renderer;

    PromptAudioController(PromptAudio prompts, PromptRenderer renderer) {
        this.prompts = prompts;
        this.renderer = renderer;
    }

    @GetMapping("/api/campaigns/{id}/prompts")
    @Operation(summary = "The prompt recordings a campaign has, per prompt and language",
            description = "Prompt ids are those of GET /api/campaigns/{id}/questionnaire (intro, sorry, <question>,"
                    + " <question>-reask, <question>-keypad, thanks, declined, <question>-confirm-<value>); source is"
                    + " 'uploaded' (an official's recording) or 'rendered' (spoken from the questionnaire's text).")
    List<PromptRecording> list(@PathVariable String id) {
        return prompts.list(id);
    }

    @GetMapping("/api/campaigns/{id}/prompts/missing")
    @Operation(summary = "The prompts the campaign has no recording of yet, as \"<prompt> (<language>)\"",
            description = "A campaign starts only when this is empty (unless epicall.campaign.prompts.required is"
                    + " false): upload a recording per prompt, or POST /api/campaigns/{id}/prompts/render.")
    List<String> missing(@PathVariable String id) {
        return prompts.missing(id);
    }

    @PostMapping("/api/campaigns/{id}/prompts/render")
    @Operation(summary = "Render every prompt without a recording from the questionnaire's text (OFFICIAL, audited)",
            description = "espeak-ng and sox on the campaign service's host speak each missing prompt as 8 kHz mono"
                    + " 16-bit WAV (source 'rendered'); an official's recordings stay. Returns what was rendered."
                    + " 503 (prompt-render-unavailable) when espeak-ng or sox is missing or fails.")
    List<PromptRecording> render(@PathVariable String id) {
        return prompts.renderMissing(id, renderer);
    }

    @GetMapping(path = "/api/campaigns/{id}/prompts/{language}/{promptId}", produces = "audio/wav")
    @Operation(summary = "Play a prompt's recording (8 kHz mono 16-bit WAV)")
    ResponseEntity<Resource> play(@PathVariable String id, @PathVariable String language,
                                  @PathVariable String promptId) {
        return ResponseEntity.ok().contentType(WAV).cacheControl(CacheControl.noCache())
                .body(new FileSystemResource(prompts.file(id, language, promptId)));
    }

    @PostMapping(path = "/api/campaigns/{id}/prompts/{language}/{promptId}",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replace a prompt's recording with an official's own (OFFICIAL, audited)",
            description = "Part 'recording': 8 kHz mono 16-bit PCM WAV, at most 120 s, as Asterisk plays it."
                    + " Anything else is refused with 400 saying what the file is and how to convert it.")
    PromptRecording upload(@PathVariable String id, @PathVariable String language, @PathVariable String promptId,
                           @RequestPart("recording") MultipartFile recording) throws IOException {
        String name = recording.getOriginalFilename() == null ? "recording.wav" : recording.getOriginalFilename();
        return prompts.upload(id, language, promptId, name, recording.getBytes());
    }
}
