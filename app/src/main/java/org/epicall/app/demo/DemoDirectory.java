package org.epicall.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The demo's data directory. A fresh run empties it first, but only if a demo made it (it holds a
 * marker file), so a mistyped {@code --data-dir} never deletes someone's files.
 */
final class DemoDirectory {

    static final String MARKER = ".epicall-demo";

    private DemoDirectory() {
    }

    /**
     * @param keep keep what an earlier run left
     * @return the directory, absolute, existing and marked
     * @throws IllegalArgumentException if the directory holds files but no marker
     */
    static Path prepare(Path directory, boolean keep) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(dir) && !keep && !isEmpty(dir)) {
                if (!Files.exists(dir.resolve(MARKER))) {
                    throw new IllegalArgumentException("--data-dir " + directory + " holds files that an epicall demo"
                            + " did not write (no " + MARKER + " file); give an empty or new directory");
                }
                deleteTree(dir);
            }
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(MARKER))) {
                Files.writeString(dir.resolve(MARKER), "written by ./epicall demo; the demo empties this directory"
                        + " at its next run unless --keep is given\n");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
