package org.epicall.campaign.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.Wavs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** An official replaces a prompt's recording with their own; it must be what Asterisk can play. */
@CampaignTest
class PromptAudioApiTest {

    @Autowired MockMvc mvc;
    @Autowired Campaigns campaigns;
    @Autowired AuditLog audit;

    private String id;

    @BeforeEach
    void campaign() {
        id = Rosters.imported(campaigns, "phone\n010-1000-0001\n").id();
    }

    @Test
    void anOfficialsRecordingReplacesThePromptAndAnyoneMayPlayIt() throws Exception {
        byte[] wav = Wavs.telephone();

        mvc.perform(upload("ko", "intro", "intro.wav", wav).with(ApiClients.OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.promptId").value("intro"))
                .andExpect(jsonPath("$.language").value("ko"))
                .andExpect(jsonPath("$.source").value("uploaded"))
                .andExpect(jsonPath("$.seconds").value(0.5));

        mvc.perform(get("/api/campaigns/" + id + "/prompts").with(ApiClients.ANALYST))
                .andExpect(jsonPath("$[*].promptId").value(org.hamcrest.Matchers.contains("intro")));
        byte[] played = mvc.perform(get("/api/campaigns/" + id + "/prompts/ko/intro").with(ApiClients.ANALYST))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "audio/wav"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(played).isEqualTo(wav);
        assertThat(audit.list(id, 0, 1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PROMPT_UPLOADED);
            assertThat(e.subject()).isEqualTo("intro");
            assertThat(e.detail()).isEqualTo("ko, intro.wav, 0.5 s");
        });
    }

    @Test
    void aReadBackPromptTakesARecordingToo() throws Exception {
        mvc.perform(upload("en", "temperature-confirm-38.2", "reading.wav", Wavs.telephone()).with(ApiClients.OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.promptId").value("temperature-confirm-38.2"));
    }

    @Test
    void aRecordingAsteriskCannotPlayIsRefusedSayingHowToConvertIt() throws Exception {
        mvc.perform(upload("en", "fever", "studio.wav", Wavs.tone(44100, 2, 0.2)).with(ApiClients.OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("recording"))
                .andExpect(jsonPath("$.detail", containsString("studio.wav is 44100 Hz, 2 channels")))
                .andExpect(jsonPath("$.detail", containsString("sox")));
        mvc.perform(upload("en", "fever", "notes.txt", "not audio".getBytes(StandardCharsets.UTF_8))
                        .with(ApiClients.OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("notes.txt is not a WAV recording")));
        mvc.perform(get("/api/campaigns/" + id + "/prompts/en/fever").with(ApiClients.OFFICIAL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("no recording of prompt fever in en")));
    }

    @Test
    void onlyTheQuestionnairesOwnPromptsAndLanguagesHaveRecordings() throws Exception {
        mvc.perform(upload("fr", "intro", "intro.wav", Wavs.telephone()).with(ApiClients.OFFICIAL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("no language 'fr'")));
        // A path that climbs is refused before it reaches the service.
        mvc.perform(upload("ko", "..", "intro.wav", Wavs.telephone()).with(ApiClients.OFFICIAL))
                .andExpect(status().is4xxClientError());
        mvc.perform(upload("ko", "weather", "intro.wav", Wavs.telephone()).with(ApiClients.OFFICIAL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("no prompt 'weather'")));
    }

    @Test
    void analystsMayNotReplaceAPrompt() throws Exception {
        mvc.perform(upload("ko", "intro", "intro.wav", Wavs.telephone()).with(ApiClients.ANALYST))
                .andExpect(status().isForbidden());
    }

    private MockMultipartHttpServletRequestBuilder upload(String language, String promptId, String name, byte[] bytes) {
        return multipart("/api/campaigns/" + id + "/prompts/" + language + "/" + promptId)
                .file(new MockMultipartFile("recording", name, "audio/wav", bytes));
    }
}
