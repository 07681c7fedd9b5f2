package org.epicall.campaign.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.epicall.campaign.config.SecurityProperties;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Personal API tokens. Only their SHA-256 is configured, so the configuration does not give the tokens
 * away, and checking one costs a hash and a map look-up: an API client cannot make the server spend a
 * password hash per request. Tokens are 256 random bits, so a fast hash is safe for them where it would
 * not be for passwords people choose. Immutable and thread-safe.
 */
public final class ApiTokens {

    private static final String PREFIX = "sha256:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Authentication> byHash;

    private ApiTokens(Map<String, Authentication> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** The tokens of the configured users; a hash given to two users is refused. */
    public static ApiTokens of(List<SecurityProperties.User> users) {
        Map<String, Authentication> byHash = new HashMap<>();
        for (SecurityProperties.User user : users) {
            List<SimpleGrantedAuthority> roles = user.roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
            for (String token : user.apiTokens()) {
                String hash = token.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
                Authentication previous = byHash.put(hash,
                        UsernamePasswordAuthenticationToken.authenticated(user.username(), null, roles));
                if (previous != null) {
                    throw new IllegalArgumentException("epicall.campaign.security.users: the API token " + token
                            + " is given to both " + previous.getName() + " and " + user.username());
                }
            }
        }
        return new ApiTokens(byHash);
    }

    /** The user a presented token belongs to, if any. */
    public Optional<Authentication> authenticate(String token) {
        return Optional.ofNullable(byHash.get(sha256(token)));
    }

    /** A new random token, to hand to its user once. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "epc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What to configure for a token: {@code sha256:<hex>}. */
    public static String configured(String token) {
        return PREFIX + sha256(token);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
