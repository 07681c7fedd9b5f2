package org.epicall.campaign.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the service, under {@code epicall.campaign.security}. Passwords use Spring Security's
 * prefixed encodings, e.g. <code>{bcrypt}$2a$...</code> or <code>{noop}secret</code> for development.
 *
 * @param users the accounts; none are built in, so a service without users refuses everyone
 */
public record SecurityProperties(@Valid @DefaultValue List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One account.
     *
     * @param username login name
     * @param password encoded password with its <code>{id}</code> prefix
     * @param roles    OFFICIAL (manages campaigns) and/or ANALYST (reads them)
     */
    public record User(@NotBlank String username, @NotBlank String password, @NotEmpty Set<Role> roles) {
    }

    /** The roles the API knows. */
    public enum Role {
        OFFICIAL,
        ANALYST
    }
}
