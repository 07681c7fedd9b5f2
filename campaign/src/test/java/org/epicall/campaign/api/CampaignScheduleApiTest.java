package org.epicall.campaign.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Rosters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A new campaign's calling window and retry policy, as the official chooses them over the API. */
@CampaignTest
class CampaignScheduleApiTest {

    private static final RequestPostProcessor OFFICIAL = ApiClients.OFFICIAL;
    private static final RequestPostProcessor ANALYST = ApiClients.ANALYST;

    @Autowired MockMvc mvc;

    @Test
    void defaultsAreTheConfiguredWindowAndRetries() throws Exception {
        mvc.perform(get("/api/campaigns/defaults").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value("KR"))
                .andExpect(jsonPath("$.language").value("ko"))
                .andExpect(jsonPath("$.schedule.windowStart").value("09:00:00"))
                .andExpect(jsonPath("$.schedule.windowEnd").value("20:00:00"))
                .andExpect(jsonPath("$.schedule.callingDays.length()").value(7))
                .andExpect(jsonPath("$.schedule.maxAttempts").value(5))
                .andExpect(jsonPath("$.schedule.dailyCap").value(3))
                .andExpect(jsonPath("$.schedule.retryDelays.BUSY").value("PT10M"))
                .andExpect(jsonPath("$.schedule.retryDelays.NO_ANSWER").value("PT1H"))
                .andExpect(jsonPath("$.schedule.retryDelays.MACHINE").value("PT2H"))
                .andExpect(jsonPath("$.schedule.giveUpOn[0]").value("REJECTED"))
                .andExpect(jsonPath("$.schedule.giveUpOn[1]").value("INVALID_NUMBER"));
    }

    @Test
    void whatTheOfficialLeavesOutKeepsItsDefault() throws Exception {
        mvc.perform(create("{\"windowStart\": \"10:30\", \"maxAttempts\": 2, \"retryDelays\": {\"BUSY\": \"PT5M\"},"
                        + " \"callingDays\": [\"MONDAY\", \"FRIDAY\"]}").with(OFFICIAL))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.schedule.windowStart").value("10:30:00"))
                .andExpect(jsonPath("$.schedule.windowEnd").value("20:00:00"))
                .andExpect(jsonPath("$.schedule.callingDays.length()").value(2))
                .andExpect(jsonPath("$.schedule.maxAttempts").value(2))
                .andExpect(jsonPath("$.schedule.dailyCap").value(2))
                .andExpect(jsonPath("$.schedule.retryDelays.BUSY").value("PT5M"))
                .andExpect(jsonPath("$.schedule.retryDelays.NO_ANSWER").value("PT1H"))
                .andExpect(jsonPath("$.rejectedRows").value(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "window ending before it starts | {\"windowStart\": \"20:00\", \"windowEnd\": \"09:00\"} | schedule.windowEnd | must end",
            "no calling day                 | {\"callingDays\": []}                                  | schedule.callingDays | at least one",
            "a misspelt key                 | {\"maxAttempt\": 3}                                    | schedule | maxAttempt",
            "a time that is none            | {\"windowStart\": \"25:00\"}                           | schedule | not valid",
            "not JSON at all                | max=3                                                  | schedule | not valid"})
    void aScheduleTheServiceCannotUseIsRefusedNamingTheField(String what, String schedule, String field,
                                                             String detail) throws Exception {
        mvc.perform(create(schedule).with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }

    private static MockMultipartHttpServletRequestBuilder create(String schedule) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/campaigns")
                .file(new MockMultipartFile("roster", "residents.csv", "text/csv",
                        "phone\n010-1000-0001\n".getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("questionnaire", "covid.yaml", "application/yaml",
                        Rosters.QUESTIONNAIRE.getBytes(StandardCharsets.UTF_8)))
                .param("name", "Weekday check-in")
                .param("schedule", schedule)
                .param("wait", "true");
    }
}
