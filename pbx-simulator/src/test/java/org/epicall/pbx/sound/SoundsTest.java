package org.epicall.pbx.sound;

import org.epicall.pbx.audio.Pcm;
import org.epicall.pbx.audio.Wav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SoundsTest {

    @TempDir
    Path sounds;

    @Test
    void shouldPlayAPromptInstalledInTheSoundsDirectoryForItsLength() throws Exception {
        Files.createDirectories(sounds.resolve("epicall/covid/ko"));
        Wav.write(sounds.resolve("epicall/covid/ko/intro.wav"), Pcm.silence(Duration.ofMillis(2500)));

        assertThat(new Sounds(sounds, MissingSounds.FAIL, Duration.ofSeconds(1)).length("epicall/covid/ko/intro"))
                .contains(Duration.ofMillis(2500));
    }

    @Test
    void shouldKnowTheAsteriskCoreSoundsTheReferencePlayed() {
        Sounds none = new Sounds(sounds, MissingSounds.FAIL, Duration.ofSeconds(1));

        assertThat(none.length("beep")).contains(Duration.ofNanos(3404L * 125_000));
        assertThat(none.length("silence/10&silence/10")).contains(Duration.ofSeconds(20));
    }

    @Test
    void shouldFindNoMissingPromptAsAsteriskDoes() {
        assertThat(new Sounds(sounds, MissingSounds.FAIL, Duration.ofSeconds(1)).length("epicall/covid/ko/intro"))
                .isEmpty();
        assertThat(new Sounds(sounds, MissingSounds.FAIL, Duration.ofSeconds(1)).length("beep&nope")).isEmpty();
    }

    @Test
    void shouldPlayAMissingPromptForTheStandInLengthOnlyWhenAskedTo() {
        assertThat(new Sounds(sounds, MissingSounds.PLAY, Duration.ofMillis(1500)).length("epicall/covid/ko/intro"))
                .contains(Duration.ofMillis(1500));
    }
}
