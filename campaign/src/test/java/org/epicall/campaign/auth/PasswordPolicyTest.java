package org.epicall.campaign.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.epicall.campaign.config.SecurityProperties;
import org.epicall.campaign.config.SecurityProperties.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordPolicyTest {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    @Test
    void refusesPlainTextPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check(security(false, user("official", "{noop}a long passphrase"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("official: the password is stored in plain text ({noop})")
                .hasMessageContaining("{bcrypt}");
    }

    @Test
    void refusesAWellKnownPasswordEvenHashed() {
        assertThatThrownBy(() -> PasswordPolicy.check(security(false,
                user("analyst", "{bcrypt}" + BCRYPT.encode("change-me")))))
                .hasMessageContaining("analyst: the password is a well-known default");
    }

    @Test
    void acceptsAHashedPasswordOfOnesOwn() {
        assertThatCode(() -> PasswordPolicy.check(security(false,
                user("official", "{bcrypt}" + BCRYPT.encode("Seoul-Busan 2026 !check-in")))))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsDevelopmentPasswordsOnlyWhenAllowedOnPurpose() {
        assertThatCode(() -> PasswordPolicy.check(security(true, user("official", "{noop}change-me"))))
                .doesNotThrowAnyException();
    }

    private static SecurityProperties.User user(String name, String password) {
        return new SecurityProperties.User(name, password, Set.of(Role.OFFICIAL), List.of());
    }

    private static SecurityProperties security(boolean allowDevelopmentPasswords, SecurityProperties.User user) {
        return new SecurityProperties(List.of(user), new SecurityProperties.LoginThrottle(5, 20,
                java.time.Duration.ofMinutes(1), 2), allowDevelopmentPasswords);
    }
}
