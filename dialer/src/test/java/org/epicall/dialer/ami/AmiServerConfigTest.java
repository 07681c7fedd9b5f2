package org.epicall.dialer.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AmiServerConfigTest {

    @Test
    void shouldPutTheNumberOrItsDigitsIntoTheDialString() {
        AmiServerConfig pjsip = AmiServerConfig.of("a", "h", 5038, "u", "s", 10, "PJSIP/{digits}@carrier-trunk");
        AmiServerConfig local = AmiServerConfig.of("a", "h", 5038, "u", "s", 10, "Local/{number}@residents");

        assertThat(pjsip.dialString("+821012345678")).isEqualTo("PJSIP/821012345678@carrier-trunk");
        assertThat(local.dialString("+821012345678")).isEqualTo("Local/+821012345678@residents");
    }

    @Test
    void shouldDefaultToTheSurveyContextAndAFiveSecondKeepAlive() {
        AmiServerConfig server = AmiServerConfig.of("pbx-1", "h", 5038, "u", "s", 10, "Local/{number}@r");

        assertThat(server.context()).isEqualTo("survey");
        assertThat(server.keepAlive()).isEqualTo(Duration.ofSeconds(5));
        assertThat(server.trunk()).isEqualTo("pbx-1");
    }

    @Test
    void shouldRefuseADialTemplateWithoutTheNumber() {
        assertThatThrownBy(() -> AmiServerConfig.of("pbx-1", "h", 5038, "u", "s", 10, "PJSIP/carrier"))
                .hasMessageContaining("pbx-1").hasMessageContaining("{number}");
    }
}
