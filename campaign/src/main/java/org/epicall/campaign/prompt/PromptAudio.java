package org.epicall.campaign.prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.questionnaire.Questionnaire;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recordings a campaign's calls play for its prompts, one per prompt and language, where {@link PromptFiles}
 * keeps them for Asterisk to play. An official's upload replaces the prompt's recording whole; the ones nobody
 * recorded can be rendered from the questionnaire's text, and an upload later replaces the rendering.
 * Only prompts and languages of the campaign's own questionnaire are accepted. Thread-safe.
 */
@Service
public class PromptAudio {

    static final String UPLOADED = "uploaded";
    static final String RENDERED = "rendered";

    private final Campaigns campaigns;
    private final AuditLog audit;
    private final PromptFiles files;

    PromptAudio(Campaigns campaigns, AuditLog audit, PromptFiles files) {
        this.campaigns = campaigns;
        this.audit = audit;
        this.files = files;
    }

    /** The recordings the campaign has, in the order a call meets the prompts, language by language. */
    public List<PromptRecording> list(String campaignId) {
        Questionnaire questionnaire = campaigns.questionnaire(campaignId);
        List<PromptRecording> recordings = new ArrayList<>();
        for (String language : questionnaire.languages()) {
            for (String promptId : PromptIds.of(questionnaire)) {
                Path file = location(campaignId, questionnaire, language, promptId);
                if (Files.isRegularFile(file)) {
                    recordings.add(describe(file, promptId, language));
                }
            }
        }
        return recordings;
    }

    /** The prompts the campaign has no recording of yet, as {@code prompt (language)}, in call order. */
    public List<String> missing(String campaignId) {
        return files.missing(campaignId, campaigns.questionnaire(campaignId));
    }

    /**
     * The file of a prompt's recording.
     *
     * @throws PromptNotFoundException for a prompt or language the questionnaire does not have, or no recording
     */
    public Path file(String campaignId, String language, String promptId) {
        Questionnaire questionnaire = checked(campaignId, language, promptId);
        Path file = location(campaignId, questionnaire, language, promptId);
        if (!Files.isRegularFile(file)) {
            throw new PromptNotFoundException("campaign " + campaignId + " has no recording of prompt " + promptId
                    + " in " + language + " yet; an official can upload one");
        }
        return file;
    }

    /**
     * Puts an official's recording in place of the prompt's, and records it in the audit log.
     *
     * @param fileName the file's name as uploaded, for messages
     * @throws InvalidPromptAudioException when it is not 8 kHz mono 16-bit WAV
     */
    @Transactional
    public PromptRecording upload(String campaignId, String language, String promptId, String fileName, byte[] wav) {
        Questionnaire questionnaire = checked(campaignId, language, promptId);
        double seconds = TelephoneWav.check(fileName, wav);
        Path file = location(campaignId, questionnaire, language, promptId);
        PromptFiles.write(file, wav, false);
        audit.record(AuditAction.PROMPT_UPLOADED, campaignId, promptId, language + ", " + fileName + ", "
                + Math.round(seconds * 10) / 10.0 + " s");
        return describe(file, promptId, language);
    }

    /**
     * Renders, from the questionnaire's text, every prompt the campaign has no recording of yet (an official's
     * recordings stay), and records how many in the audit log.
     *
     * @return the recordings rendered
     * @throws PromptRenderException if espeak-ng or sox is missing or fails; what was rendered before stays
     */
    // No transaction: rendering takes seconds, and a database connection need not wait on espeak-ng.
    public List<PromptRecording> renderMissing(String campaignId, PromptRenderer renderer) {
        Questionnaire questionnaire = campaigns.questionnaire(campaignId);
        record Missing(String promptId, String language, String text, Path file) {
        }
        List<Missing> missing = new ArrayList<>();
        for (var prompt : PromptFiles.texts(questionnaire).entrySet()) {
            for (var text : prompt.getValue().entrySet()) {
                Path file = location(campaignId, questionnaire, text.getKey(), prompt.getKey());
                if (!Files.isRegularFile(file)) {
                    missing.add(new Missing(prompt.getKey(), text.getKey(), text.getValue(), file));
                }
            }
        }
        // A questionnaire has hundreds of prompts (a read-back per flagged temperature) and each is two short
        // processes: one per core at a time, so an official waits seconds, not the sum.
        List<PromptRecording> rendered = missing.parallelStream().map(m -> {
            PromptFiles.write(m.file(), renderer.render(m.language(), m.text()), true);
            return describe(m.file(), m.promptId(), m.language());
        }).toList();
        if (!rendered.isEmpty()) {
            audit.record(AuditAction.PROMPTS_RENDERED, campaignId, null, rendered.size() + " prompts");
        }
        return rendered;
    }

    private Questionnaire checked(String campaignId, String language, String promptId) {
        Questionnaire questionnaire = campaigns.questionnaire(campaignId);
        if (!questionnaire.languages().contains(language)) {
            throw new PromptNotFoundException("questionnaire " + questionnaire.id() + " has no language '" + language
                    + "'; it has " + String.join(", ", questionnaire.languages()));
        }
        if (!PromptIds.of(questionnaire).contains(promptId)) {
            throw new PromptNotFoundException("questionnaire " + questionnaire.id() + " has no prompt '" + promptId
                    + "'; GET /api/campaigns/" + campaignId + "/questionnaire lists its prompts");
        }
        return questionnaire;
    }

    private Path location(String campaignId, Questionnaire questionnaire, String language, String promptId) {
        // Every part is an id the questionnaire or the campaign defined, checked above: no part can climb out.
        return files.location(campaignId, questionnaire, language, promptId);
    }

    private static PromptRecording describe(Path file, String promptId, String language) {
        try {
            byte[] wav = Files.readAllBytes(file);
            String source = PromptFiles.rendered(file) ? RENDERED : UPLOADED;
            return new PromptRecording(promptId, language, source, Files.getLastModifiedTime(file).toInstant(),
                    TelephoneWav.check(file.getFileName().toString(), wav));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file, e);
        }
    }
}
