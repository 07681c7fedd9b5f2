package org.epicall.speech.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What a Vosk model directory must hold. */
final class ModelLayout {

    static final List<String> REQUIRED = List.of("am", "conf", "graph");

    private ModelLayout() {
    }

    /** The required subdirectories that {@code dir} lacks; empty when it looks like a model. */
    static List<String> missing(Path dir) {
        return REQUIRED.stream().filter(sub -> !Files.isDirectory(dir.resolve(sub))).toList();
    }

    static boolean isModel(Path dir) {
        return Files.isDirectory(dir) && missing(dir).isEmpty();
    }

    /** The shallowest directory under {@code root} (itself included) that holds a model. */
    static Optional<Path> find(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root, 4)) {
            return dirs.filter(Files::isDirectory).filter(ModelLayout::isModel)
                    .min((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()));
        }
    }
}
