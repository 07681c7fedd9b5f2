package org.epicall.campaign.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class RecordingPublisherConfiguration {

    @Bean
    @Primary
    RecordingDialRequests recordingDialRequests() {
        return new RecordingDialRequests();
    }
}
