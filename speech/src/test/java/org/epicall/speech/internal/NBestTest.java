package org.epicall.speech.internal;

import org.epicall.speech.Transcript;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NBestTest {

    // The shape libvosk returns with setMaxAlternatives(n) and setWords(true); scores are log-domain.
    private static final String RESULT = """
            {"alternatives": [
              {"confidence": 120.0, "result": [{"start": 10.3, "end": 10.6, "word": "없어요"}, {"start": 10.6, "end": 10.9, "word": "없어요"}], "text": "없어요 없어요"},
              {"confidence": 119.0, "result": [{"start": 10.3, "end": 10.6, "word": "아니요"}, {"start": 10.6, "end": 10.9, "word": "없어요"}], "text": "아니요 없어요"},
              {"confidence": 117.0, "result": [{"start": 10.3, "end": 10.9, "word": "<UNK>"}], "text": "<UNK>"}
            ]}""";

    private final NBest nbest = NBest.parse(RESULT, "<UNK>", 10.0);

    @Test
    void posteriorsFollowTheScoresAndSumToOne() {
        List<Transcript.Alternative> alternatives = nbest.withPosteriors();

        assertThat(alternatives.stream().mapToDouble(Transcript.Alternative::posterior).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(alternatives.get(0).posterior() / alternatives.get(1).posterior()).isCloseTo(Math.E, within(1e-9));
    }

    @Test
    void aWordsConfidenceIsTheMassOfTheHypothesesHoldingItThere() {
        List<Transcript.Word> words = nbest.wordsWithConfidence(1);
        double[] p = nbest.withPosteriors().stream().mapToDouble(Transcript.Alternative::posterior).toArray();

        assertThat(words.get(0).confidence()).isCloseTo(p[1], within(1e-12));
        assertThat(words.get(1).confidence()).isCloseTo(p[0] + p[1], within(1e-12));
    }

    @Test
    void timesCountFromTheAnswerAndGarbageReadsAsUnk() {
        List<Transcript.Word> garbage = nbest.wordsWithConfidence(2);

        assertThat(garbage).singleElement().satisfies(w -> {
            assertThat(w.text()).isEqualTo(Transcript.GARBAGE);
            assertThat(w.startSec()).isCloseTo(0.3, within(1e-9));
            assertThat(w.endSec()).isCloseTo(0.9, within(1e-9));
        });
    }
}
