package org.epicall.speech.internal;

import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.Transcript;
import org.epicall.speech.audio.AudioReader;
import org.epicall.speech.audio.Resampler;
import org.epicall.speech.audio.SilenceTrimmer;
import org.epicall.speech.audio.TelephoneAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Recognizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One call's recognition on a shared model. Not thread-safe. */
final class VoskCallRecognizer implements CallRecognizer {

    private static final Logger log = LoggerFactory.getLogger(VoskCallRecognizer.class);

    private final LoadedModel model;
    private final SpeechSettings settings;
    private final AudioReader reader;
    private final Resampler resampler = new Resampler();
    private final SilenceTrimmer trimmer = new SilenceTrimmer();
    private Recognizer recognizer;
    private int recognizerRate;
    private String recognizerGrammar;
    /** libvosk times words from the recognizer's creation, not from the start of each answer. */
    private double recognizerOffsetSec;
    private boolean closed;

    VoskCallRecognizer(LoadedModel model, SpeechSettings settings, AudioReader reader) {
        this.model = model;
        this.settings = settings;
        this.reader = reader;
    }

    @Override
    public Transcript recognize(Path wavFile, List<String> expectedPhrases) {
        return recognize(reader.read(wavFile), expectedPhrases);
    }

    @Override
    public Transcript recognize(TelephoneAudio audio, List<String> expectedPhrases) {
        Objects.requireNonNull(expectedPhrases, "expectedPhrases");
        if (closed) {
            throw new IllegalStateException("this call's recognizer is closed");
        }
        SilenceTrimmer.Trimmed trimmed = settings.trimSilence() ? trimmer.trimmed(audio) : new SilenceTrimmer.Trimmed(audio, 0);
        TelephoneAudio input = settings.upsampleTo16k() && audio.sampleRate() == TelephoneAudio.TELEPHONE_RATE
                ? resampler.doubleRate(trimmed.audio()) : trimmed.audio();
        Grammar grammar = Grammar.build(expectedPhrases, model);
        boolean useGrammar = model.grammarSupported() && !grammar.isEmpty();
        if (!useGrammar && !expectedPhrases.isEmpty()) {
            log.info("Free transcription for {}: {}", audio.source(), model.grammarSupported()
                    ? "none of the " + expectedPhrases.size() + " expected phrases is in the " + model.language() + " model's vocabulary"
                    : "the " + model.language() + " model does not support runtime grammars");
        }
        Recognizer rec = prepare(input.sampleRate(), useGrammar ? grammar.toJson() : null);
        byte[] pcm = input.pcm();
        String json = rec.acceptWaveForm(pcm, pcm.length) ? rec.getResult() : rec.getFinalResult();
        NBest nbest = NBest.parse(json, model.garbageWord().orElse(null), recognizerOffsetSec - trimmed.startSec());
        recognizerOffsetSec += input.seconds();
        List<Transcript.Word> words = nbest.wordsWithConfidence(0);
        return new Transcript(String.join(" ", words.stream().map(Transcript.Word::text).toList()), words, audio.seconds(),
                useGrammar, nbest.withPosteriors());
    }

    private Recognizer prepare(int rate, String grammarJson) {
        try {
            if (recognizer == null || rate != recognizerRate) {
                closeRecognizer();
                recognizer = grammarJson == null ? new Recognizer(model.model(), rate) : new Recognizer(model.model(), rate, grammarJson);
                recognizer.setMaxAlternatives(settings.maxAlternatives());
                recognizer.setWords(true);
                recognizerRate = rate;
                recognizerGrammar = grammarJson;
                recognizerOffsetSec = 0;
            } else if (!Objects.equals(grammarJson, recognizerGrammar)) {
                // libvosk cannot drop a grammar once set; a fresh recognizer is the way back to free transcription.
                if (grammarJson == null) {
                    closeRecognizer();
                    return prepare(rate, null);
                }
                recognizer.setGrammar(grammarJson);
                recognizerGrammar = grammarJson;
            } else {
                recognizer.reset();
            }
            return recognizer;
        } catch (IOException e) {
            throw new UncheckedIOException("libvosk could not create a recognizer for the " + model.language() + " model", e);
        }
    }

    private void closeRecognizer() {
        if (recognizer != null) {
            recognizer.close();
            recognizer = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeRecognizer();
        }
    }
}
