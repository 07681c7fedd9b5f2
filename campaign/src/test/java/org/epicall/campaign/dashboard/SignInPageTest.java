package org.epicall.campaign.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.epicall.campaign.testsupport.CampaignTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@CampaignTest
class SignInPageTest {

    @Autowired MockMvc mvc;

    @Test
    void theSignInPageCarriesTheFormsCsrfTokenAndLoadsOnlyWhatItNeeds() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(matchesPattern(
                        "(?s).*<input type=\"hidden\" name=\"_csrf\" value=\"[A-Za-z0-9_=-]{20,}\">.*")))
                .andExpect(content().string(containsString("<script type=\"module\" src=\"login.js\">")));
        mvc.perform(get("/login.js")).andExpect(status().isOk());
        mvc.perform(get("/i18n.js")).andExpect(status().isOk());
        mvc.perform(get("/dashboard.css")).andExpect(status().isOk());
    }

    @Test
    void theDashboardItselfStillNeedsASignIn() throws Exception {
        mvc.perform(get("/dashboard.js").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
    }
}
