package org.epicall.campaign.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.epicall.campaign.config.SecurityProperties;
import org.epicall.campaign.config.SecurityProperties.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class ApiTokensTest {

    @Test
    void aConfiguredTokenSignsInItsUserWithTheirRoles() {
        String token = ApiTokens.newToken();
        ApiTokens tokens = ApiTokens.of(List.of(user("analyst", Set.of(Role.ANALYST), ApiTokens.configured(token))));

        assertThat(tokens.authenticate(token)).hasValueSatisfying(user -> {
            assertThat(user.getName()).isEqualTo("analyst");
            assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ANALYST");
        });
    }

    @Test
    void anUnknownTokenOrTheHashItselfSignsInNobody() {
        String token = ApiTokens.newToken();
        String configured = ApiTokens.configured(token);
        ApiTokens tokens = ApiTokens.of(List.of(user("official", Set.of(Role.OFFICIAL), configured)));

        assertThat(tokens.authenticate(ApiTokens.newToken())).isEmpty();
        assertThat(tokens.authenticate(configured)).isEmpty();
        assertThat(tokens.authenticate(configured.substring("sha256:".length()))).isEmpty();
    }

    @Test
    void newTokensAreLongAndDistinct() {
        String one = ApiTokens.newToken();
        assertThat(one).startsWith("epc_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(ApiTokens.newToken()).isNotEqualTo(one);
    }

    @Test
    void oneTokenGivenToTwoUsersIsRefused() {
        String configured = ApiTokens.configured(ApiTokens.newToken());
        assertThatThrownBy(() -> ApiTokens.of(List.of(user("a", Set.of(Role.ANALYST), configured),
                user("b", Set.of(Role.OFFICIAL), configured))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both a and b");
    }

    private static SecurityProperties.User user(String name, Set<Role> roles, String token) {
        return new SecurityProperties.User(name, "{noop}x", roles, List.of(token));
    }
}
