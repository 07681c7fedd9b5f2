package org.epicall.corpus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusTest {

    private final Corpus corpus = Corpus.load();

    @Test
    void everyManifestEntryNamesAWavOnTheClasspath() throws IOException {
        for (Corpus.Clip clip : corpus.clips()) {
            try (InputStream in = clip.open()) {
                byte[] header = in.readNBytes(12);
                assertThat(new String(header, 0, 4)).as(clip.file()).isEqualTo("RIFF");
                assertThat(new String(header, 8, 4)).as(clip.file()).isEqualTo("WAVE");
            }
        }
    }

    @Test
    void coversEveryQuestionOfTheCheckInInBothLanguages() {
        for (String language : new String[] {"ko", "en"}) {
            assertThat(corpus.clips(language)).extracting(Corpus.Clip::question)
                    .contains("consent", "travel", "contact", "fever", "temperature", "symptoms", "followup_call");
        }
        assertThat(corpus.clips("ko")).extracting(Corpus.Clip::question).contains("travel_country");
    }

    @Test
    void holdsSeveralVoicesSpeedsPitchesNoisyClipsAndNoMatchSpeech() {
        assertThat(corpus.clips("ko").stream().map(Corpus.Clip::voice).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(corpus.clips().stream().map(Corpus.Clip::speed).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(corpus.clips().stream().map(Corpus.Clip::pitch).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(corpus.clips()).anyMatch(Corpus.Clip::noisy).anyMatch(c -> !c.noisy());
        assertThat(corpus.clips("ko")).anyMatch(Corpus.Clip::isNoMatch);
        assertThat(corpus.clips("en")).anyMatch(Corpus.Clip::isNoMatch);
    }
}
