package org.epicall.speech.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decoder options for a Vosk model that its own {@code conf/model.conf} does not have.
 *
 * <p>libvosk reads its decoder options only from {@code <model>/conf/model.conf} and has no call to
 * set them, and the model directory is not ours to change (it may be a read-only mount or a cache
 * shared with other programs). So the model is opened through a view of it in a temporary
 * directory: a symbolic link to each of its entries, except {@code conf/}, which is a copy with the
 * options appended to {@code model.conf} (Kaldi takes the last value given). libvosk reads every
 * file while it loads the model, so the view is deleted right after; the links never let anything
 * write to the model.
 */
final class DecoderConf {

    private static final Logger log = LoggerFactory.getLogger(DecoderConf.class);

    private DecoderConf() {
    }

    /**
     * A directory to load {@code model} from with {@code options} (name without dashes → value)
     * in force, or empty when there are none, or the model has no {@code conf/model.conf} (an old
     * layout whose options libvosk does not read from a file).
     *
     * @throws UncheckedIOException when the view cannot be made (no temporary space, no symbolic links)
     */
    static Optional<Path> view(Path model, Map<String, String> options) {
        Path conf = model.resolve("conf/model.conf");
        if (options.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(conf)) {
            log.warn("The model at {} has no conf/model.conf; its decoder options {} cannot be set and its defaults are used",
                    model, options);
            return Optional.empty();
        }
        Path view = null;
        try {
            view = Files.createTempDirectory("epicall-model-");
            try (Stream<Path> entries = Files.list(model)) {
                for (Path entry : entries.toList()) {
                    if (!entry.getFileName().toString().equals("conf")) {
                        Files.createSymbolicLink(view.resolve(entry.getFileName().toString()), entry.toAbsolutePath());
                    }
                }
            }
            Path viewConf = Files.createDirectory(view.resolve("conf"));
            try (Stream<Path> files = Files.list(model.resolve("conf"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, viewConf.resolve(file.getFileName().toString()));
                }
            }
            StringBuilder extra = new StringBuilder("\n# set by epicall (SpeechSettings)\n");
            options.forEach((name, value) -> extra.append("--").append(name).append('=').append(value).append('\n'));
            Files.writeString(viewConf.resolve("model.conf"), extra, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return Optional.of(view);
        } catch (IOException e) {
            if (view != null) {
                delete(view);
            }
            throw new UncheckedIOException("cannot prepare the model at " + model + " with decoder options " + options
                    + " in a temporary directory (" + e.getMessage() + ")", e);
        }
    }

    /** Deletes a view made by {@link #view}: its links and its copied conf, never what the links point to. */
    static void delete(Path view) {
        try {
            Files.walkFileTree(view, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete the model view {}: {}", view, e.getMessage());
        }
    }
}
