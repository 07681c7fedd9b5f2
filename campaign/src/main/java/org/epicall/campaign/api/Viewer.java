package org.epicall.campaign.api;

import org.epicall.campaign.config.SecurityProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * How much of a resident a caller may see. Officials call flagged residents back, so they get names,
 * numbers and the roster's values; analysts join results by the pseudonymous contact reference that
 * the result events on Kafka carry, and get nothing that identifies a resident.
 */
enum Viewer {

    OFFICIAL,
    ANALYST;

    private static final String OFFICIAL_AUTHORITY = "ROLE_" + SecurityProperties.Role.OFFICIAL.name();

    /** The caller's view; anyone without the OFFICIAL role, including no caller at all, gets the analyst's. */
    static Viewer of(Authentication authentication) {
        if (authentication == null) {
            return ANALYST;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (OFFICIAL_AUTHORITY.equals(authority.getAuthority())) {
                return OFFICIAL;
            }
        }
        return ANALYST;
    }

    boolean seesResidents() {
        return this == OFFICIAL;
    }
}
