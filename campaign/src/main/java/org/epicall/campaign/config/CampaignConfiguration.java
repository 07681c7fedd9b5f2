package org.epicall.campaign.config;

import java.time.Clock;
import org.epicall.campaign.lifecycle.SurveyQuestionnaireCheck;
import org.epicall.campaign.lifecycle.QuestionnaireCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every part of the campaign service shares. */
@Configuration(proxyBeanMethods = false)
public class CampaignConfiguration {

    /** Questionnaires are validated by the survey module's loader, which names file, path and line. */
    @Bean
    @ConditionalOnMissingBean
    QuestionnaireCheck questionnaireCheck() {
        return new SurveyQuestionnaireCheck();
    }

    /** The time source of scheduling and state changes; tests replace it to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
