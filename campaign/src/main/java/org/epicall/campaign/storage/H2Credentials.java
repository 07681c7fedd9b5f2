package org.epicall.campaign.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a new H2 file database a user of its own with a random password instead of {@code sa} with
 * none: made at the first start and kept in {@code <storage-dir>/h2.password} (0600, in a 0700
 * directory). A password configured in {@code spring.datasource.password} wins; a database created
 * before this existed keeps the credentials it was created with. Runs after the configuration files
 * are read.
 */
public class H2Credentials implements EnvironmentPostProcessor, Ordered {

    static final String PASSWORD_FILE = "h2.password";
    static final String USER = "epicall";
    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith(H2_FILE) || !environment.getProperty("spring.datasource.password", "").isEmpty()) {
            return;
        }
        Path storage = Path.of(environment.getProperty("epicall.campaign.storage-dir", "./data/campaign"));
        Path secret = storage.resolve(PASSWORD_FILE);
        if (!Files.exists(secret)) {
            if (Files.exists(databaseFile(url))) {
                return;
            }
            create(secret);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("epicall-h2-credentials", Map.of(
                "spring.datasource.username", USER, "spring.datasource.password", read(secret))));
    }

    static Path databaseFile(String url) {
        String path = url.substring(H2_FILE.length());
        int options = path.indexOf(';');
        return Path.of((options < 0 ? path : path.substring(0, options)) + ".mv.db");
    }

    private static void create(Path secret) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        try {
            PrivateFiles.directory(secret.getParent());
            Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secret, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the H2 password file " + secret + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path secret) {
        try {
            return Files.readString(secret).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the H2 password file " + secret + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
