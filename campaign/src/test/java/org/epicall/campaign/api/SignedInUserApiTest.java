package org.epicall.campaign.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.Stream;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code GET /api/me} tells the signed-in user who they are, so the dashboard offers only what their role may do. */
@CampaignTest
class SignedInUserApiTest {

    @Autowired MockMvc mvc;

    static Stream<Arguments> users() {
        return Stream.of(
                Arguments.of("official", ApiClients.OFFICIAL, List.of("OFFICIAL", "ANALYST")),
                Arguments.of("analyst", ApiClients.ANALYST, List.of("ANALYST")));
    }

    @ParameterizedTest(name = "{0} is told roles {2}")
    @MethodSource("users")
    void signedInUserIsToldTheirNameAndRoles(String username, RequestPostProcessor client, List<String> roles) throws Exception {
        mvc.perform(get("/api/me").with(client))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles", contains(roles.toArray())));
    }

    @Test
    void refusesAnonymousCallersWithAProblemDetail() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/unauthenticated"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void refusesUnknownApiTokensWithAProblemDetail() throws Exception {
        mvc.perform(get("/api/me").with(ApiClients.token("official-secret")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/unauthenticated"))
                .andExpect(jsonPath("$.detail", containsString("API token was not accepted")));
    }

    @Test
    void isReadOnly() throws Exception {
        mvc.perform(post("/api/me").with(ApiClients.OFFICIAL))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void openApiDescribesTheEndpointWithoutParameters() throws Exception {
        mvc.perform(get("/v3/api-docs").with(ApiClients.ANALYST))
                .andExpect(jsonPath("$.paths['/api/me'].get.summary", containsString("roles")))
                .andExpect(jsonPath("$.paths['/api/me'].get.parameters").doesNotExist())
                .andExpect(jsonPath("$.components.schemas.SignedInUser.properties.roles.items.enum",
                        contains("OFFICIAL", "ANALYST")));
    }
}
