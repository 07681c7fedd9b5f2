package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a client who is signed in; the dashboard shows the user and offers only their role's actions. */
@RestController
@Tag(name = "Account", description = "The signed-in user")
class SignedInUserController {

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user's name and roles (OFFICIAL, ANALYST)",
            description = "Any signed-in user gets their own name and roles; anonymous callers get 401.")
    SignedInUser me(Authentication caller) {
        return SignedInUser.of(caller);
    }
}
