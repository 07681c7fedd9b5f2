package org.epicall.campaign.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A commit the service's H2 database has acknowledged survives {@code kill -9}: a separate process
 * commits rows on the URL of {@code application.yaml} and is killed mid-stream; every row it had seen
 * committed is there when the database is opened again.
 */
class H2DurabilityTest {

    @TempDir Path dir;

    @Test
    void everyAcknowledgedCommitSurvivesKillMinus9() throws Exception {
        String url = configuredUrl(dir);
        Path printed = dir.resolve("child.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenPrint.class.getName(), url, "sa", "")
                .redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> lastAcknowledged(printed) >= 2_000 || !child.isAlive());
        } finally {
            // SIGKILL: no shutdown hook, no close; whatever H2 held only in memory is gone.
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        int acknowledged = lastAcknowledged(printed);
        assertThat(acknowledged).as("commits the child acknowledged").isGreaterThanOrEqualTo(2_000);

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*), MAX(n) FROM committed")) {
            count.next();
            assertThat(count.getInt(2)).as("last row after the restart").isGreaterThanOrEqualTo(acknowledged);
            assertThat(count.getInt(1)).isEqualTo(count.getInt(2));
        }
    }

    @Test
    void theServiceMakesCommitsDurableWhateverTheUrlSays() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("other") + ";WRITE_DELAY=500";
        // Like the service's connection pool, the data source keeps the database open.
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            new H2Durability(dataSource).afterPropertiesSet();

            assertThat(H2Durability.writeDelay(dataSource.getConnection())).isZero();
        } finally {
            dataSource.destroy();
        }
    }

    /** The last commit the child printed in full (a line cut short by the kill is not counted). */
    private static int lastAcknowledged(Path printed) throws IOException {
        String out = Files.readString(printed, StandardCharsets.UTF_8);
        int end = out.lastIndexOf('\n');
        int last = 0;
        for (String line : out.substring(0, Math.max(0, end)).split("\n")) {
            if (line.startsWith("committed ")) {
                last = Integer.parseInt(line.substring("committed ".length()));
            }
        }
        return last;
    }

    /** The datasource URL of application.yaml, with the storage directory in {@code dir}. */
    private static String configuredUrl(Path dir) throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yaml"));
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new org.springframework.core.env.MapPropertySource("test",
                java.util.Map.of("epicall.campaign.storage-dir", dir.toString())));
        yaml.forEach(sources::addLast);
        return new PropertySourcesPropertyResolver(sources).getRequiredProperty("spring.datasource.url");
    }
}
