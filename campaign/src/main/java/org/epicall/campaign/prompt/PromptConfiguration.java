package org.epicall.campaign.prompt;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The renderer the service speaks missing prompts with: espeak-ng and sox from the PATH. */
@Configuration(proxyBeanMethods = false)
class PromptConfiguration {

    @Bean
    PromptRenderer promptRenderer() {
        return PromptRenderer.onPath();
    }
}
