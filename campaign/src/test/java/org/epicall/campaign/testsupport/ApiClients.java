package org.epicall.campaign.testsupport;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** API clients of the test users (application-test.yaml), signed in with their personal API tokens. */
public final class ApiClients {

    public static final RequestPostProcessor OFFICIAL = token("official-api-token");
    public static final RequestPostProcessor ANALYST = token("analyst-api-token");

    private ApiClients() {
    }

    /** A request presenting {@code Authorization: Bearer <token>}. */
    public static RequestPostProcessor token(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
