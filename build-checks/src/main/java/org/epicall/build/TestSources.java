package org.epicall.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the test classes in a test source root: Java files that declare methods a JUnit Platform
 * engine runs (JUnit Jupiter's and jqwik's annotations) and are not abstract, which only their
 * subclasses run.
 */
public final class TestSources {

    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "@(?:[\\w.]+\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b");
    private static final Pattern ABSTRACT_CLASS = Pattern.compile("\\babstract\\s+class\\b");

    private TestSources() {
    }

    /** Paths of the test classes under {@code testSourceRoot}, relative to it, with forward slashes, sorted. */
    public static List<String> testClasses(Path testSourceRoot) {
        if (!Files.isDirectory(testSourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(testSourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(TestSources::declaresTests)
                    .map(f -> testSourceRoot.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test sources in " + testSourceRoot, e);
        }
    }

    private static boolean declaresTests(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return TEST_ANNOTATION.matcher(source).find() && !ABSTRACT_CLASS.matcher(source).find();
    }
}
