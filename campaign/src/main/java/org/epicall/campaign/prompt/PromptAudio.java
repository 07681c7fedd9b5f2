package org.epicall.campaign.prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.questionnaire.Questionnaire;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recordings a campaign's calls play for its prompts, one per prompt and language, kept under
 * {@code <storage-dir>/prompts/<campaign>/<questionnaire>/<language>/<prompt>.wav}: the layout of
 * Asterisk's {@code epicall/<questionnaire>/<language>/<prompt>} sound files, one tree per campaign.
 * An official's upload replaces the prompt's recording whole (written beside it, then moved over it).
 * Only prompts and languages of the campaign's own questionnaire are accepted. Thread-safe.
 */
@Service
public class PromptAudio {

    static final String UPLOADED = "uploaded";
    private static final String WAV = ".wav";

    private final Campaigns campaigns;
    private final AuditLog audit;
    private final Path root;

    PromptAudio(Campaigns campaigns, AuditLog audit, CampaignProperties properties) {
        this.campaigns = campaigns;
        this.audit = audit;
        this.root = properties.storageDir().resolve("prompts");
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
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), promptId, ".partial");
            Files.write(partial, wav);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the recording of prompt " + promptId + " under " + root, e);
        }
        audit.record(AuditAction.PROMPT_UPLOADED, campaignId, promptId, language + ", " + fileName + ", "
                + Math.round(seconds * 10) / 10.0 + " s");
        return describe(file, promptId, language);
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
        return root.resolve(campaignId).resolve(questionnaire.id()).resolve(language).resolve(promptId + WAV);
    }

    private static PromptRecording describe(Path file, String promptId, String language) {
        try {
            byte[] wav = Files.readAllBytes(file);
            return new PromptRecording(promptId, language, UPLOADED, Files.getLastModifiedTime(file).toInstant(),
                    TelephoneWav.check(file.getFileName().toString(), wav));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file, e);
        }
    }
}
