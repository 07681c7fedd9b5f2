package org.epicall.dialer.service.health;

import org.epicall.dialer.service.LoadedSpeech;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: the recognition models loaded at start (a node whose model does not load does not start). */
@Component("speech")
public class SpeechHealthIndicator implements HealthIndicator {

    private final LoadedSpeech speech;

    public SpeechHealthIndicator(LoadedSpeech speech) {
        this.speech = speech;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("models", speech.models())
                .withDetail("loadSeconds", speech.loadTime().toMillis() / 1000.0).build();
    }
}
