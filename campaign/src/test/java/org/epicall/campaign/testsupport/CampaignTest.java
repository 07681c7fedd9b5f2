package org.epicall.campaign.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full campaign service on a fresh H2 file database of its own, with a {@link MutableClock} and the
 * scheduler's timer off (tests call it), dial requests recorded, and MockMvc with the real security.
 * All tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "epicall.campaign.storage-dir=./target/test-data/${random.uuid}",
})
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
@AutoConfigureMockMvc
public @interface CampaignTest {
}
