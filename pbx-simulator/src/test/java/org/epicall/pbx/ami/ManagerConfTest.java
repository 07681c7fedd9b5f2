package org.epicall.pbx.ami;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagerConfTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheDeploymentsDialerUserWithItsRightsAndEventFilters() {
        List<AmiUser> users = ManagerConf.users(Path.of("../deploy/asterisk/manager.conf"));

        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.username()).isEqualTo("epicall");
            assertThat(user.read()).isEqualTo("call");
            assertThat(user.write()).isEqualTo("originate");
            assertThat(user.eventFilters()).isNotEmpty().allMatch(f -> f.startsWith("Event: ") || f.startsWith("!"));
        });
    }

    @Test
    void shouldSkipGeneralSettingsTemplatesAndCommentsAndKeepEscapedSemicolons() throws Exception {
        Path conf = dir.resolve("manager.conf");
        Files.writeString(conf, """
                [general]
                enabled = yes ; on
                [tpl](!)
                read = all
                [ops]
                secret = a\\;b ; the secret has a semicolon
                read = call
                write = originate
                eventfilter = !Event: Newexten
                """);

        assertThat(ManagerConf.users(conf)).containsExactly(
                new AmiUser("ops", "a;b", "call", "originate", List.of("!Event: Newexten")));
    }

    @Test
    void shouldNameTheFileAndUserOfAnUnknownPermissionClass() throws Exception {
        Path conf = dir.resolve("manager.conf");
        Files.writeString(conf, "[ops]\nsecret = s\nread = calls\n");

        assertThatThrownBy(() -> ManagerConf.users(conf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(conf + " [ops]").hasMessageContaining("unknown AMI permission class 'calls'");
    }
}
