package org.epicall.campaign.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.epicall.campaign.CampaignApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the service (what SIGTERM does) ends the dashboards' event streams first, instead of waiting
 * for them through the web server's whole graceful-shutdown timeout (30 s by default).
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownWithOpenStreamTest {

    @Test
    void stopsWithoutWaitingForAnOpenEventStream(CapturedOutput output) throws Exception {
        ConfigurableApplicationContext service = CampaignApplication.start("--spring.profiles.active=test",
                "--server.port=0", "--epicall.campaign.storage-dir=./target/test-data/" + UUID.randomUUID(),
                "--spring.lifecycle.timeout-per-shutdown-phase=2m");
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/campaigns/stream"))
                .header("Authorization", "Bearer analyst-api-token").build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(60, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
            try (InputStream in = stream.body()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException ended) {
                // the server closed it
            }
        });

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(service::close);

        // Far below the 2-minute shutdown phase: only a stream ended by the service lets close() return.
        stopped.get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(drained::isDone);
        // The stream's last (async) dispatch is signed in with the API token like the request was.
        assertThat(output.getAll()).doesNotContain("Access Denied");
    }
}
