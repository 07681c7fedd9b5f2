package org.epicall.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.epicall.campaign.testsupport.RecordingPublisherConfiguration;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Requests a fuzzer or a careless script sends, over a real socket to the real server: each gets a 4xx
 * problem detail, never a 500, and nothing is logged as an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "epicall.campaign.storage-dir=./target/test-data/${random.uuid}")
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

    private static final String TOKEN = "Bearer official-api-token";

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMultipartUploadWithoutBoundaryIsABadRequest(CapturedOutput output) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/campaigns"))
                .header("Authorization", TOKEN).header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void aMultipartUploadWithANamelessQueryParameterIsABadRequest(CapturedOutput output) throws Exception {
        String boundary = "epicall-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"roster\"; filename=\"r.csv\"\r\n\r\n"
                + "phone\n010-1000-0001\n\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/rosters/preview?=null"))
                .header("Authorization", TOKEN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/campaigns?=null", "/api/me?=null", "/api/campaigns/cmp-none/rejects?=null&limit=5",
            "/api/campaigns?=", "/api/campaigns?&&=&"})
    void aQueryParameterWithoutANameIsNoServerError(String path, CapturedOutput output) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", TOKEN)
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isLessThan(500);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void aWriteWithANamelessQueryParameterIsNoServerError(CapturedOutput output) throws Exception {
        for (String path : List.of("/api/campaigns/cmp-none/start?=null", "/api/campaigns/cmp-none/cancel?=null")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isLessThan(500);
        }
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
