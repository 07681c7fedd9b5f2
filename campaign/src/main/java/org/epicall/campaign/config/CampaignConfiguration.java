package org.epicall.campaign.config;

import java.time.Clock;
import org.epicall.campaign.lifecycle.BasicQuestionnaireCheck;
import org.epicall.campaign.lifecycle.QuestionnaireCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every part of the campaign service shares. */
@Configuration(proxyBeanMethods = false)
public class CampaignConfiguration {

    /** Basic questionnaire checks until a fuller validator is provided. */
    @Bean
    @ConditionalOnMissingBean
    QuestionnaireCheck questionnaireCheck() {
        return new BasicQuestionnaireCheck();
    }

    /** The time source of scheduling and state changes; tests replace it to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
