package org.epicall.campaign.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Scheduling beans, and the timer that drives the scheduler and sweeper unless it is turned off. */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    /** With Kafka turned off, dial requests go to dialers in this JVM. */
    @Bean
    @ConditionalOnBooleanProperty(name = "epicall.kafka.enabled", havingValue = false)
    InProcessDialRequests inProcessDialRequests() {
        return new InProcessDialRequests();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnBooleanProperty(name = "epicall.campaign.schedule.enabled", matchIfMissing = true)
    static class Timer {

        private final DialScheduler scheduler;
        private final AttemptSweeper sweeper;

        Timer(DialScheduler scheduler, AttemptSweeper sweeper) {
            this.scheduler = scheduler;
            this.sweeper = sweeper;
        }

        @Scheduled(fixedDelayString = "${epicall.campaign.schedule.tick:1s}")
        void run() {
            sweeper.sweep();
            scheduler.tick();
        }
    }
}
