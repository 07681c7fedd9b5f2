package org.epicall.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The build's own check: a test class that Surefire or Failsafe would never pick up fails the build
 * here, instead of giving false assurance for months.
 */
class EveryTestClassRunsTest {

    @Test
    void everyTestClassInTheProjectIsRunByTheBuild() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("build-checks")).as("the project root").isDirectory();
        assertThat(Files.isRegularFile(root.resolve("pom.xml"))).isTrue();

        assertThat(UnrunTestClasses.in(root))
                .as("test classes that no test runner runs: rename them (*Test, *Properties, *IT) or add their"
                        + " pattern to the surefire/failsafe <includes> in the root pom.xml")
                .isEmpty();
    }
}
