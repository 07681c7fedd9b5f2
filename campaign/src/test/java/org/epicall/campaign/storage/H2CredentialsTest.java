package org.epicall.campaign.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class H2CredentialsTest {

    @TempDir Path dir;

    @Test
    void aNewDatabaseGetsItsOwnUserAndARandomPasswordKeptPrivately() throws Exception {
        StandardEnvironment first = environment("");
        new H2Credentials().postProcessEnvironment(first, new SpringApplication());

        Path secret = dir.resolve(H2Credentials.PASSWORD_FILE);
        assertThat(first.getProperty("spring.datasource.username")).isEqualTo("epicall");
        assertThat(first.getProperty("spring.datasource.password")).hasSizeGreaterThanOrEqualTo(32)
                .isEqualTo(Files.readString(secret));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");

        StandardEnvironment restart = environment("");
        new H2Credentials().postProcessEnvironment(restart, new SpringApplication());
        assertThat(restart.getProperty("spring.datasource.password")).isEqualTo(first.getProperty("spring.datasource.password"));
    }

    @Test
    void aConfiguredPasswordOrAnOlderDatabaseIsLeftAsItIs() throws Exception {
        StandardEnvironment configured = environment("from-a-secret-store");
        new H2Credentials().postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getProperty("spring.datasource.username")).isEqualTo("sa");

        Files.createFile(dir.resolve("epicall.mv.db"));
        StandardEnvironment older = environment("");
        new H2Credentials().postProcessEnvironment(older, new SpringApplication());
        assertThat(older.getProperty("spring.datasource.username")).isEqualTo("sa");
        assertThat(dir.resolve(H2Credentials.PASSWORD_FILE)).doesNotExist();
    }

    private StandardEnvironment environment(String password) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("epicall") + ";WRITE_DELAY=0",
                "spring.datasource.username", "sa", "spring.datasource.password", password,
                "epicall.campaign.storage-dir", dir.toString())));
        return environment;
    }
}
