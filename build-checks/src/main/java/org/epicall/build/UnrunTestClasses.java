package org.epicall.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test classes in a Maven project that no test runner of their module would run: classes with
 * test methods whose names match none of Surefire's (or Failsafe's) include patterns. Such a class
 * compiles, looks like a specification, and never runs.
 */
public final class UnrunTestClasses {

    private UnrunTestClasses() {
    }

    /** Each unrun class as {@code <module>/src/test/java/<path>}, relative to {@code root}; empty when all run. */
    public static List<String> in(Path root) {
        BuildModel build = BuildModel.read(root);
        List<String> unrun = new ArrayList<>();
        for (Path module : build.modules()) {
            List<TestClassPatterns> runners = build.runners(module);
            Path sources = module.resolve("src/test/java");
            for (String testClass : TestSources.testClasses(sources)) {
                if (runners.stream().noneMatch(r -> r.runs(testClass))) {
                    unrun.add(root.relativize(sources.resolve(testClass)).toString().replace('\\', '/'));
                }
            }
        }
        return unrun;
    }
}
