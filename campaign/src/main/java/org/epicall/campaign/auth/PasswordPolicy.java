package org.epicall.campaign.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.epicall.campaign.config.SecurityProperties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Refuses to start a service whose users' passwords are stored in plain text ({@code {noop}}) or are a
 * well-known default, unless development passwords were allowed on purpose (the demo, on 127.0.0.1,
 * and the tests do). A deployment that forgot to set passwords fails at start, naming the user and
 * the fix, instead of running with {@code change-me}.
 */
public final class PasswordPolicy {

    /** Passwords shipped in examples, compose files and the demo, and the usual guesses. */
    static final List<String> WELL_KNOWN = List.of("change-me", "changeme", "epicall-demo", "epicall", "secret",
            "password", "admin", "official", "analyst", "official-secret", "analyst-secret");

    private PasswordPolicy() {
    }

    /** @throws IllegalStateException naming each user whose password may not be used, and what to do */
    public static void check(SecurityProperties security) {
        if (security.allowDevelopmentPasswords()) {
            return;
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<String> problems = new ArrayList<>();
        for (SecurityProperties.User user : security.users()) {
            String stored = user.password();
            if (stored.toLowerCase(Locale.ROOT).startsWith("{noop}")) {
                problems.add(user.username() + ": the password is stored in plain text ({noop})");
            } else if (WELL_KNOWN.stream().anyMatch(guess -> matches(encoder, guess, stored))) {
                problems.add(user.username() + ": the password is a well-known default");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start with unsafe passwords: " + String.join("; ", problems)
                    + ". Set each user's epicall.campaign.security.users[N].password to a {bcrypt} hash of a password"
                    + " of your own (e.g. htpasswd -nbBC 12 '' 'pw' | cut -d: -f2, then prefix {bcrypt}); only for"
                    + " development set epicall.campaign.security.allow-development-passwords=true");
        }
    }

    private static boolean matches(PasswordEncoder encoder, String guess, String stored) {
        try {
            return encoder.matches(guess, stored);
        } catch (IllegalArgumentException unknownEncoding) {
            return false;
        }
    }
}
