package org.epicall.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnrunTestClassesTest {

    private static final String PROPERTY_CLASS = """
            package org.x;
            import net.jqwik.api.Property;
            class LedgerProperties {
                @Property void neverTwice() { }
            }
            """;

    @TempDir
    Path root;

    @Test
    void aPropertyClassUnderSurefiresDefaultsIsReported() throws IOException {
        project("", "");
        source("core", "org/x/LedgerProperties.java", PROPERTY_CLASS);

        assertThat(UnrunTestClasses.in(root)).containsExactly("core/src/test/java/org/x/LedgerProperties.java");
    }

    @Test
    void aPropertyClassIsRunWhenTheParentIncludesItsName() throws IOException {
        project(surefire("<includes><include>**/*Test.java</include><include>**/*Properties.java</include></includes>",
                true), "");
        source("core", "org/x/LedgerProperties.java", PROPERTY_CLASS);

        assertThat(UnrunTestClasses.in(root)).isEmpty();
    }

    @Test
    void aModulesOwnIncludesReplaceTheParents() throws IOException {
        project(surefire("<includes><include>**/*Properties.java</include></includes>", true),
                surefire("<includes><include>**/*Spec.java</include></includes>", false));
        source("core", "org/x/LedgerProperties.java", PROPERTY_CLASS);

        assertThat(UnrunTestClasses.in(root)).containsExactly("core/src/test/java/org/x/LedgerProperties.java");
    }

    @Test
    void anExcludedTestClassIsReported() throws IOException {
        project(surefire("<excludes><exclude>**/Flaky*</exclude></excludes>", true), "");
        source("core", "org/x/FlakyTest.java", "class FlakyTest { @org.junit.jupiter.api.Test void t() { } }");

        assertThat(UnrunTestClasses.in(root)).containsExactly("core/src/test/java/org/x/FlakyTest.java");
    }

    @Test
    void anIntegrationTestRunsOnlyWhereFailsafeIsABuildPlugin() throws IOException {
        project("", "");
        source("core", "org/x/ScaleOutIT.java", "class ScaleOutIT { @Test void t() { } }");
        assertThat(UnrunTestClasses.in(root)).containsExactly("core/src/test/java/org/x/ScaleOutIT.java");

        project("", "<build><plugins><plugin><artifactId>maven-failsafe-plugin</artifactId></plugin></plugins></build>");
        assertThat(UnrunTestClasses.in(root)).isEmpty();
    }

    @Test
    void helpersAndAbstractBaseClassesAreNotTestClasses() throws IOException {
        project("", "");
        source("core", "org/x/Rosters.java", "final class Rosters { static String csv() { return \"\"; } }");
        source("core", "org/x/ScenarioBase.java", "abstract class ScenarioBase { @Test void shared() { } }");

        assertThat(UnrunTestClasses.in(root)).isEmpty();
    }

    @Test
    void aModuleWithoutTestSourcesHasNothingToRun() throws IOException {
        project("", "");

        assertThat(UnrunTestClasses.in(root)).isEmpty();
    }

    private void project(String rootBuild, String moduleBuild) throws IOException {
        Files.writeString(root.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modules><module>core</module></modules>
                  %s
                </project>
                """.formatted(rootBuild));
        Files.createDirectories(root.resolve("core"));
        Files.writeString(root.resolve("core/pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">%s</project>
                """.formatted(moduleBuild));
    }

    private static String surefire(String configuration, boolean managed) {
        String plugin = "<plugins><plugin><artifactId>maven-surefire-plugin</artifactId><configuration>"
                + configuration + "</configuration></plugin></plugins>";
        return managed ? "<build><pluginManagement>" + plugin + "</pluginManagement></build>" : "<build>" + plugin + "</build>";
    }

    private void source(String module, String path, String text) throws IOException {
        Path file = root.resolve(module).resolve("src/test/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
