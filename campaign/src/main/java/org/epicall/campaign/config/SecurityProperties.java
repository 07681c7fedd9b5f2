package org.epicall.campaign.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the service, under {@code epicall.campaign.security}. Passwords use Spring Security's
 * prefixed encodings, e.g. <code>{bcrypt}$2a$...</code> or <code>{noop}secret</code> for development; they
 * are checked only at the dashboard's sign-in form. API clients present a personal API token
 * ({@code Authorization: Bearer ...}), of which only the SHA-256 is configured.
 *
 * @param users         the accounts; none are built in, so a service without users refuses everyone
 * @param loginThrottle how many failed sign-ins the form takes per user and per address
 * @param allowDevelopmentPasswords start even with {@code {noop}} or well-known passwords (the demo and the
 *                      tests do; a deployment never should)
 */
public record SecurityProperties(@Valid @DefaultValue List<User> users,
                                 @Valid @NotNull @DefaultValue LoginThrottle loginThrottle,
                                 @DefaultValue("false") boolean allowDevelopmentPasswords) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * Failed sign-ins allowed before the form refuses with 429, under
     * {@code epicall.campaign.security.login-throttle}.
     *
     * @param failuresPerUser    failed sign-ins per user name per period
     * @param failuresPerAddress failed sign-ins per client address per period
     * @param period             how long until a spent allowance is back
     * @param concurrentChecks   passwords hashed at once at most (each costs a core for ~0.1 s)
     */
    public record LoginThrottle(@Min(1) @DefaultValue("5") int failuresPerUser,
                                @Min(1) @DefaultValue("20") int failuresPerAddress,
                                @NotNull @DefaultValue("1m") Duration period,
                                @Min(1) @DefaultValue("2") int concurrentChecks) {
    }

    /**
     * One account.
     *
     * @param username  login name
     * @param password  encoded password with its <code>{id}</code> prefix
     * @param roles     OFFICIAL (manages campaigns) and/or ANALYST (reads them)
     * @param apiTokens the user's personal API tokens, each as {@code sha256:<64 hex digits>} of the token
     *                  (`epicall api-token` makes one)
     */
    public record User(@NotBlank String username, @NotBlank String password, @NotEmpty Set<Role> roles,
                       @DefaultValue List<@Pattern(regexp = "sha256:[0-9a-fA-F]{64}",
                               message = "must be sha256:<64 hex digits>, the SHA-256 of the token") String> apiTokens) {

        public User {
            apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
        }
    }

    /** The roles the API knows. */
    public enum Role {
        OFFICIAL,
        ANALYST
    }
}
