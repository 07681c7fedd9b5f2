package org.epicall.campaign.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.survey.prompt.PromptTexts;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.RecordingPublisherConfiguration;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.epicall.campaign.testsupport.Wavs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * As in production ({@code epicall.campaign.prompts.required}, on unless turned off): a campaign does not
 * start while a prompt has no recording, and says which; the service renders the missing ones on request.
 */
@SpringBootTest(properties = {
        "epicall.campaign.storage-dir=./target/test-data/${random.uuid}",
        "epicall.campaign.prompts.required=true",
})
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
@AutoConfigureMockMvc
class PromptsBeforeStartTest {

    @Autowired MockMvc mvc;
    @Autowired Campaigns campaigns;
    @Autowired PromptAudio prompts;
    @Autowired AuditLog audit;

    private String id;
    private int promptCount;

    @BeforeEach
    void campaign() {
        id = Rosters.imported(campaigns, "phone\n010-1000-0001\n").id();
        promptCount = PromptTexts.of(campaigns.questionnaire(id)).values().stream().mapToInt(m -> m.size()).sum();
    }

    @Test
    void aCampaignDoesNotStartWhileAPromptHasNoRecordingAndSaysWhich() throws Exception {
        mvc.perform(post("/api/campaigns/" + id + "/start").with(ApiClients.OFFICIAL))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString(promptCount + " prompts have no recording: intro (en),"
                        + " intro (ko), sorry (en)")))
                .andExpect(jsonPath("$.detail", containsString("POST /api/campaigns/" + id + "/prompts/render")));
        mvc.perform(get("/api/campaigns/" + id + "/prompts/missing").with(ApiClients.ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(promptCount)))
                .andExpect(jsonPath("$", hasItem("fever-reask (ko)")));
        assertThat(campaigns.get(id).state().name()).isEqualTo("DRAFT");
    }

    @Test
    void renderingTheMissingPromptsKeepsTheOfficialsRecordingAndLetsTheCampaignStart() throws Exception {
        Assumptions.assumeTrue(PromptRenderer.unavailableBecause().isEmpty(),
                () -> PromptRenderer.unavailableBecause().get());
        mvc.perform(multipart("/api/campaigns/" + id + "/prompts/ko/intro")
                        .file(new MockMultipartFile("recording", "intro.wav", "audio/wav", Wavs.telephone()))
                        .with(ApiClients.OFFICIAL))
                .andExpect(status().isOk());

        mvc.perform(post("/api/campaigns/" + id + "/prompts/render").with(ApiClients.ANALYST))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/campaigns/" + id + "/prompts/render").with(ApiClients.OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(promptCount - 1)))
                .andExpect(jsonPath("$[0].promptId").value("intro"))
                .andExpect(jsonPath("$[0].language").value("en"))
                .andExpect(jsonPath("$[0].source").value("rendered"));

        List<PromptRecording> all = prompts.list(id);
        assertThat(all).hasSize(promptCount).allSatisfy(r -> assertThat(r.seconds()).isBetween(0.3, 30.0));
        assertThat(all).filteredOn(r -> r.promptId().equals("intro") && r.language().equals("ko"))
                .singleElement().satisfies(r -> {
                    assertThat(r.source()).isEqualTo(PromptAudio.UPLOADED);
                    assertThat(r.seconds()).isEqualTo(0.5);
                });
        assertThat(all).filteredOn(r -> !r.promptId().equals("intro") || !r.language().equals("ko"))
                .allSatisfy(r -> assertThat(r.source()).isEqualTo(PromptAudio.RENDERED));
        assertThat(audit.list(id, 0, 1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PROMPTS_RENDERED);
            assertThat(e.detail()).isEqualTo((promptCount - 1) + " prompts");
        });
        mvc.perform(get("/api/campaigns/" + id + "/prompts/missing").with(ApiClients.OFFICIAL))
                .andExpect(jsonPath("$", hasSize(0)));
        // nothing left to render: nothing rendered, nothing audited
        assertThat(prompts.renderMissing(id, PromptRenderer.onPath())).isEmpty();

        mvc.perform(post("/api/campaigns/" + id + "/start").with(ApiClients.OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("running"));
    }

    @Test
    void withoutEspeakNgRenderingSaysWhatToInstall() {
        PromptRenderer missing = new PromptRenderer("/nonexistent/espeak-ng", "/nonexistent/sox");
        assertThatThrownBy(() -> prompts.renderMissing(id, missing))
                .isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("/nonexistent/espeak-ng could not be started")
                .hasMessageContaining("apt-get install espeak-ng sox");
    }
}
