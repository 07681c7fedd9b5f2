package org.epicall.app.demo.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.epicall.survey.call.CallOutcome;

/**
 * How the demo runs the campaign service.
 *
 * @param port            HTTP port of the REST API and dashboard (0 picks a free one)
 * @param dataDirectory   where the H2 database and rosters live
 * @param recordingsDirectory where the dialer keeps residents' recorded answers, for officials to play them
 * @param promptsDirectory where the service keeps the prompts the calls play: the PBX's {@code sounds/epicall}
 * @param bootstrapServers the Kafka the service talks to
 * @param windowStart     calling window start, local time in each resident's zone
 * @param windowEnd       calling window end (exclusive)
 * @param retryDelays     wait after each retryable outcome
 * @param maxAttempts     attempts per resident
 * @param tick            how often the scheduler looks for due residents
 * @param maxCallDuration longest a call may last; with the dispatch TTL it bounds the sweep of lost attempts
 * @param username        the demo user, with roles OFFICIAL and ANALYST
 * @param password        its password
 */
public record CampaignSettings(int port, Path dataDirectory, Path recordingsDirectory, Path promptsDirectory,
                               String bootstrapServers, LocalTime windowStart,
                               LocalTime windowEnd, Map<CallOutcome, Duration> retryDelays, int maxAttempts,
                               Duration tick, Duration maxCallDuration, String username, String password) {

    public CampaignSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(recordingsDirectory, "recordingsDirectory");
        Objects.requireNonNull(promptsDirectory, "promptsDirectory");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        retryDelays = Map.copyOf(retryDelays);
    }

    /** The Spring Boot properties that say all of the above. */
    public Map<String, Object> springProperties() {
        Path dir = dataDirectory.toAbsolutePath();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        // The demo's password is printed and fixed: reachable from this machine only.
        p.put("server.address", "127.0.0.1");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("h2").resolve("epicall")
                + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        p.put("epicall.campaign.storage-dir", dir.toString());
        p.put("epicall.campaign.follow-up.recordings-dir", recordingsDirectory.toAbsolutePath().toString());
        p.put("epicall.campaign.prompts.dir", promptsDirectory.toAbsolutePath().toString());
        p.put("epicall.kafka.bootstrap-servers", bootstrapServers);
        p.put("epicall.campaign.schedule.window-start", windowStart.toString());
        p.put("epicall.campaign.schedule.window-end", windowEnd.toString());
        p.put("epicall.campaign.schedule.max-attempts", maxAttempts);
        p.put("epicall.campaign.schedule.daily-cap", maxAttempts);
        p.put("epicall.campaign.schedule.tick", tick.toMillis() + "ms");
        p.put("epicall.campaign.schedule.max-call-duration", maxCallDuration.toMillis() + "ms");
        p.put("epicall.campaign.schedule.swept-retry-delay", retryDelays.getOrDefault(CallOutcome.UNREACHABLE_SERVER,
                Duration.ofSeconds(10)).toMillis() + "ms");
        retryDelays.forEach((outcome, delay) ->
                p.put("epicall.campaign.schedule.retry-delay." + outcome.name(), delay.toMillis() + "ms"));
        p.put("epicall.campaign.schedule.default-retry-delay",
                retryDelays.values().stream().max(Duration::compareTo).orElse(Duration.ofSeconds(30)).toMillis() + "ms");
        // A later demo campaign (after --keep) may call the residents once the longest retry delay has passed.
        p.put("epicall.campaign.schedule.min-gap-across-campaigns",
                retryDelays.values().stream().max(Duration::compareTo).orElse(Duration.ofSeconds(30)).toMillis() + "ms");
        p.put("epicall.campaign.security.allow-development-passwords", true);
        p.put("epicall.campaign.security.users[0].username", username);
        p.put("epicall.campaign.security.users[0].password", "{noop}" + password);
        p.put("epicall.campaign.security.users[0].roles[0]", "OFFICIAL");
        p.put("epicall.campaign.security.users[0].roles[1]", "ANALYST");
        return p;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "campaign on :%d, window %s–%s, retries %s, max %d attempts", port,
                windowStart, windowEnd, retryDelays, maxAttempts);
    }
}
