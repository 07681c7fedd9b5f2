package org.epicall.campaign.prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.epicall.campaign.config.CampaignProperties;
import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.prompt.PromptTexts;
import org.epicall.survey.questionnaire.Questionnaire;
import org.springframework.stereotype.Component;

/**
 * Where a campaign's prompt recordings live: {@link PromptIds#file} under {@code epicall.campaign.prompts.dir}
 * (default {@code <storage-dir>/prompts}), the tree Asterisk mounts as {@code sounds/epicall/} and the dialer
 * plays as {@link PromptIds#sound}. Thread-safe.
 */
@Component
public class PromptFiles {

    private final Path root;

    PromptFiles(CampaignProperties properties) {
        Path dir = properties.prompts().dir();
        this.root = dir != null ? dir : properties.storageDir().resolve("prompts");
    }

    /** The file of one prompt; every part is an id the questionnaire or the campaign defined. */
    public Path location(String campaignId, Questionnaire questionnaire, String language, String promptId) {
        return PromptIds.file(root, campaignId, questionnaire.id(), language, promptId);
    }

    /** The prompts the campaign has no recording of yet, as {@code prompt (language)}, in the order a call meets them. */
    public List<String> missing(String campaignId, Questionnaire questionnaire) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> prompt : texts(questionnaire).entrySet()) {
            for (String language : prompt.getValue().keySet()) {
                if (!Files.isRegularFile(location(campaignId, questionnaire, language, prompt.getKey()))) {
                    missing.add(prompt.getKey() + " (" + language + ")");
                }
            }
        }
        return missing;
    }

    /**
     * Puts a prompt's recording in place whole (written beside, then moved over, so Asterisk never plays half a
     * file), marked as a rendering or not.
     */
    static void write(Path file, byte[] wav, boolean rendered) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            try {
                Files.write(partial, wav);
                try {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            // A rendering is marked by an empty file beside it, so the list can tell it from an official's recording.
            Path marker = marker(file);
            if (rendered) {
                Files.write(marker, new byte[0]);
            } else {
                Files.deleteIfExists(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the prompt recording " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the recording is a rendering of the questionnaire's text rather than an official's. */
    static boolean rendered(Path file) {
        return Files.exists(marker(file));
    }

    private static Path marker(Path file) {
        return file.resolveSibling(file.getFileName() + ".rendered");
    }

    /** Every prompt of the questionnaire with its text per language ({@link PromptIds#of} in call order). */
    static Map<String, Map<String, String>> texts(Questionnaire questionnaire) {
        return PromptTexts.of(questionnaire);
    }
}
