package org.epicall.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.epicall.campaign.testsupport.RecordingPublisherConfiguration;
import org.epicall.campaign.testsupport.Schemathesis;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * schemathesis against the service's own OpenAPI description, over a real socket, as an official: a
 * bounded number of generated requests per operation (valid and invalid), with no server error and no
 * status code the description does not list. The event stream is left out (it never ends).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "epicall.campaign.storage-dir=./target/test-data/${random.uuid}")
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
class OpenApiFuzzTest {

    private static final int EXAMPLES_PER_OPERATION = 10;

    @LocalServerPort int port;

    @Test
    void generatedRequestsGetNoServerErrorAndOnlyDocumentedStatusCodes() throws Exception {
        Path schemathesis = Schemathesis.installedOrSkip(Path.of("target", "schemathesis", "venv").toAbsolutePath());
        Path work = Path.of("target", "schemathesis").toAbsolutePath();
        Path log = work.resolve("run.log");
        String base = "http://localhost:" + port;
        Process run = new ProcessBuilder(List.of(schemathesis.toString(), "run", base + "/v3/api-docs", "--url", base,
                "--header", "Authorization: Bearer official-api-token",
                "--checks", "not_a_server_error,status_code_conformance",
                "--max-examples", Integer.toString(EXAMPLES_PER_OPERATION), "--seed", "2026", "--workers", "1",
                "--phases", "examples,coverage,fuzzing", "--exclude-path", "/api/campaigns/stream",
                "--generation-database", "none", "--request-timeout", "60", "--no-color",
                "--report", "junit", "--report-dir", work.toString()))
                // It keeps a cache of what it found in its working directory: under target/, not in the sources.
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = run.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(finished).as("schemathesis finished; its output:\n%s", output).isTrue();
        assertThat(run.exitValue()).as("schemathesis found problems:\n%s", output).isZero();
    }
}
