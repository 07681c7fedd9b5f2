package org.epicall.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One version of a campaign's questionnaire, as published on {@value Topics#QUESTIONNAIRES} for every dialer
 * node (schema: {@code docs/schemas/questionnaire.schema.json}). The version is derived from the text, so the
 * same text always has the same key and a changed text never overwrites a version a campaign still runs.
 *
 * @param schemaVersion   {@value #SCHEMA_VERSION}
 * @param questionnaireId the questionnaire's id (as in its YAML)
 * @param version         {@link #versionOf} its text
 * @param yaml            the questionnaire as the campaign runs it
 */
public record QuestionnaireEvent(int schemaVersion, String questionnaireId, String version, String yaml) {

    public static final int SCHEMA_VERSION = 1;

    public QuestionnaireEvent {
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(yaml, "yaml");
    }

    public static QuestionnaireEvent of(String questionnaireId, String yaml) {
        return new QuestionnaireEvent(SCHEMA_VERSION, questionnaireId, versionOf(yaml), yaml);
    }

    /** The record key: {@code <questionnaireId>@<version>}. */
    public String key() {
        return key(questionnaireId, version);
    }

    public static String key(String questionnaireId, String version) {
        return questionnaireId + "@" + version;
    }

    /** The first 16 hex digits of the SHA-256 of the text. */
    public static String versionOf(String yaml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
