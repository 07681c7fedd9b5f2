package org.epicall.dialer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.epicall.dialer.ami.AmiServerConfig;
import org.junit.jupiter.api.Test;

/** The production Asterisk configs in deploy/asterisk say what the dialer relies on. */
class AsteriskDeployConfigTest {

    private static final Path DIR = locate();

    private static Path locate() {
        Path fromModule = Path.of("..", "deploy", "asterisk");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("deploy", "asterisk");
    }

    private static AsteriskConfigFile read(String name) throws IOException {
        return AsteriskConfigFile.parse(DIR.resolve(name));
    }

    private static Set<String> permissions(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toSet());
    }

    @Test
    void shouldGiveTheDialerUserOnlyCallEventsAndOriginate() throws IOException {
        AsteriskConfigFile manager = read("manager.conf");

        AsteriskConfigFile.Section general = manager.only("general");
        assertThat(general.value("enabled")).contains("yes");
        AsteriskConfigFile.Section user = manager.only("epicall");
        assertThat(permissions(user.value("read").orElseThrow())).containsExactly("call");
        assertThat(permissions(user.value("write").orElseThrow())).containsExactly("originate");
        assertThat(user.values("deny")).contains("0.0.0.0/0.0.0.0");
        assertThat(user.values("permit")).isNotEmpty();
        assertThat(user.values("eventfilter")).containsExactlyInAnyOrder("Event: OriginateResponse",
                "Event: HangupRequest", "Event: Hangup");
        assertThat(manager.sections()).filteredOn(s -> !s.name().equals("general"))
                .allSatisfy(s -> assertThat(permissions(s.value("read").orElse("") + "," + s.value("write").orElse("")))
                        .doesNotContain("all", "system", "command", "config"));
    }

    @Test
    void shouldRunTheSurveyOverFastAgiOfTheNodeThatPlacedTheCallWhenItIsAnswered() throws IOException {
        AsteriskConfigFile.Section survey = read("extensions.conf").only("survey");

        assertThat(survey.values("exten")).first().asString().startsWith("s,1,");
        String dialplan = String.join("\n", survey.lines().stream().map(e -> e.getValue()).toList());
        assertThat(dialplan).contains("AGI(${" + org.epicall.dialer.agi.AgiConfig.URL_VARIABLE + "})")
                .contains("Hangup()");
        assertThat(dialplan.indexOf("AMD()")).as("AMD() runs before the script reads its result")
                .isPositive().isLessThan(dialplan.indexOf("AGI("));
    }

    @Test
    void shouldConfigureAnsweringMachineDetectionSoAppAmdLoads() throws IOException {
        AsteriskConfigFile.Section general = read("amd.conf").only("general");

        assertThat(general.value("initial_silence")).contains("2500");
        assertThat(general.value("greeting")).contains("1500");
        assertThat(general.value("after_greeting_silence")).contains("800");
    }

    @Test
    void shouldDefineACarrierTrunkTheDialTemplateCanReach() throws IOException {
        AsteriskConfigFile pjsip = read("pjsip.conf");

        assertThat(pjsip.named("trunk-defaults")).singleElement()
                .satisfies(t -> assertThat(t.templates()).isEqualTo("(!)"));
        List<AsteriskConfigFile.Section> trunk = pjsip.named("carrier-trunk");
        assertThat(trunk).anySatisfy(s -> assertThat(s.templates()).isEqualTo("(trunk-defaults)"));
        assertThat(trunk).anySatisfy(s -> assertThat(s.value("type")).contains("aor"));
        assertThat(pjsip.only("trunk-defaults").value("type")).contains("endpoint");
        assertThat(pjsip.only("carrier-auth").value("type")).contains("auth");
        assertThat(AsteriskConfigFile.byType(pjsip.sections())).containsKey("transport");
        AmiServerConfig server = AmiServerConfig.of("pbx-1", "asterisk", 5038, "epicall", "change-me", 450,
                "PJSIP/{digits}@carrier-trunk");
        assertThat(server.dialString("+821012345678")).isEqualTo("PJSIP/821012345678@carrier-trunk");
    }

    @Test
    void shouldCapCallsAndLoadOnEachAsteriskServer() throws IOException {
        AsteriskConfigFile.Section options = read("asterisk.conf").only("options");

        // maxcalls counts dialplan threads: one per answered trunk call, above the dialer's 450 channels
        assertThat(Integer.parseInt(options.value("maxcalls").orElseThrow())).isGreaterThan(450);
        // 1.8 on 2 cores tripped at a load of 3.3 under normal surveys and refused every call
        assertThat(Double.parseDouble(options.value("maxload").orElseThrow())).isGreaterThanOrEqualTo(4.0);
    }
}
