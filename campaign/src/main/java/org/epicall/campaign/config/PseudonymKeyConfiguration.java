package org.epicall.campaign.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.epicall.campaign.roster.ContactReferences;
import org.epicall.campaign.storage.PrivateFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of the contact references. {@code epicall.campaign.pseudonym-key} (base64, 32 bytes or more)
 * if set, e.g. from a secret store; otherwise one made at first start and kept in
 * {@code <storage-dir>/pseudonym.key} (0600). Losing it only means new campaigns' references differ;
 * references already on the topics stay valid.
 */
@Configuration(proxyBeanMethods = false)
class PseudonymKeyConfiguration {

    static final String KEY_FILE = "pseudonym.key";

    @Bean
    ContactReferences contactReferences(@Value("${epicall.campaign.pseudonym-key:}") String configured,
                                        CampaignProperties properties) {
        if (!configured.isBlank()) {
            return new ContactReferences(Base64.getDecoder().decode(configured.strip()));
        }
        return new ContactReferences(keyFile(PrivateFiles.directory(properties.storageDir()).resolve(KEY_FILE)));
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, Base64.getEncoder().encode(key), StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                } catch (FileAlreadyExistsException another) {
                    // Written meanwhile: use that one.
                }
            }
            PrivateFiles.file(file);
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + file + ": " + e.getMessage(), e);
        }
    }
}
