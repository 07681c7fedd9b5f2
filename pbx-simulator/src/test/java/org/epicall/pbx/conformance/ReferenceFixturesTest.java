package org.epicall.pbx.conformance;

import org.epicall.pbx.support.ReferenceFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The conformance fixtures in src/test/resources/reference/ are what {@link ReferenceFixtures} derives from
 * {@code shared/reference/asterisk-22.10.1/}: when the shared folder is beside the checkout (as in CI), a fixture
 * that drifted from its source fails here. Run with {@code -Depicall.reference.rewrite=true} to derive them anew.
 */
class ReferenceFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources").resolve(ReferenceFixtures.RESOURCE_DIRECTORY);

    @Test
    void everyFixtureIsDerivedFromItsSharedTranscript() throws IOException {
        assumeThat(ReferenceFixtures.sharedDirectory()).as("shared/reference/asterisk-22.10.1 beside the checkout")
                .isPresent();
        Path shared = ReferenceFixtures.sharedDirectory().orElseThrow();
        boolean rewrite = Boolean.getBoolean("epicall.reference.rewrite");
        List<String> drifted = new ArrayList<>();
        for (String name : ReferenceFixtures.FILES) {
            String derived = ReferenceFixtures.derive(name, Files.readString(shared.resolve(name), StandardCharsets.UTF_8));
            Path fixture = FIXTURES.resolve(name);
            if (rewrite) {
                Files.createDirectories(FIXTURES);
                Files.writeString(fixture, derived, StandardCharsets.UTF_8);
            } else if (!Files.exists(fixture) || !Files.readString(fixture, StandardCharsets.UTF_8).equals(derived)) {
                drifted.add(name);
            }
        }
        assertThat(drifted).as("fixtures that differ from their shared source; re-derive with "
                + "-Depicall.reference.rewrite=true").isEmpty();
    }

    @Test
    void theFixturesAreOnTheClassPathWithoutTheSharedFolder() {
        for (String name : ReferenceFixtures.FILES) {
            assertThat(ReferenceFixtures.lines(name)).as(name).isNotEmpty()
                    .first().asString().startsWith("# epicall fixture, derived from shared/reference/asterisk-22.10.1/" + name);
        }
    }
}
