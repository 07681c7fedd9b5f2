package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicall.campaign.config.SecurityProperties.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling, so that a client offers only what the caller's roles allow.
 *
 * @param username the name the caller signed in with
 * @param roles    the caller's roles, in declaration order; never empty for a configured user
 */
@Schema(description = "The signed-in user. OFFICIAL manages campaigns and sees residents' names and numbers;"
        + " ANALYST reads, and sees residents only by contactRef.")
record SignedInUser(String username, List<Role> roles) {

    private static final String ROLE_PREFIX = "ROLE_";

    static SignedInUser of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        List<Role> roles = Arrays.stream(Role.values())
                .filter(role -> authorities.contains(ROLE_PREFIX + role.name())).toList();
        return new SignedInUser(authentication.getName(), roles);
    }
}
