package org.epicall.campaign.auth;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.epicall.campaign.testsupport.CampaignTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Wrong passwords cannot be tried without end, nor make the service hash passwords without end: after
 * five failures for a user name, or twenty from one address, within a minute, the sign-in form answers
 * 429 without checking the password.
 */
@CampaignTest
class SignInThrottleTest {

    @Autowired MockMvc mvc;

    @Test
    void aUserNameIsRefusedAfterFiveFailedSignInsEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn("analyst", "guess " + i, "10.0.0." + i))
                    .andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(signIn("analyst", "analyst-secret", "10.0.1.1"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://epicall.org/problems/sign-in-throttled"))
                .andExpect(jsonPath("$.detail").value("too many failed sign-ins for this user; try again in 60 s"));
    }

    @Test
    void anAddressIsRefusedAfterTwentyFailedSignInsWhateverTheUserNames() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(signIn("nobody-" + i, "guess", "10.0.2.1"))
                    .andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(signIn("official", "official-secret", "10.0.2.1"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value("too many failed sign-ins from this address; try again in 60 s"));
        mvc.perform(signIn("official", "official-secret", "10.0.2.2"))
                .andExpect(redirectedUrl("/"));
    }

    private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
