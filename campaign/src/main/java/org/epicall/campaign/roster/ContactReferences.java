package org.epicall.campaign.roster;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous contact reference that every topic and analyst sees instead of a phone number: an
 * HMAC-SHA256, under a key only the campaign service holds, of the campaign id and the roster line,
 * cut to 128 bits. Stable for a campaign and a row (so restarts and joins agree), and neither the
 * number, the name nor the roster line can be read back from it without the key. Thread-safe.
 */
public final class ContactReferences {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key at least 32 bytes, secret */
    public ContactReferences(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pseudonym key must be at least 32 bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The reference of the contact on {@code lineNumber} of the campaign's roster. */
    public String of(String campaignId, int lineNumber) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((campaignId + '\n' + lineNumber).getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JVM cannot compute " + ALGORITHM, e);
        }
    }
}
