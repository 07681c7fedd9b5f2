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

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One call's recognition on a shared model. Holds no native memory of its own: each answer is
 * decoded by a recognizer borrowed from the model's {@link RecognizerPool} for its grammar. Not
 * thread-safe.
 */
final class VoskCallRecognizer implements CallRecognizer {

    private static final Logger log = LoggerFactory.getLogger(VoskCallRecognizer.class);

    private final LoadedModel model;
    private final SpeechSettings settings;
    private final AudioReader reader;
    private final Resampler resampler = new Resampler();
    private final SilenceTrimmer trimmer = new SilenceTrimmer();
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
        RecognizerPool.Lent lent = model.recognizers().borrow(
                new RecognizerPool.Key(input.sampleRate(), useGrammar ? grammar.toJson() : null, settings.maxAlternatives()));
        String json;
        double offsetSec = lent.offsetSec();
        try {
            Recognizer rec = lent.recognizer();
            byte[] pcm = input.pcm();
            rec.acceptWaveForm(pcm, pcm.length);
            // Always the final result: the whole answer decoded to its end, and the next answer, maybe
            // another resident's, starts with a fresh feature pipeline.
            json = rec.getFinalResult();
            lent.decoded(input.seconds());
        } catch (RuntimeException | Error e) {
            model.recognizers().discard(lent);
            throw e;
        }
        model.recognizers().giveBack(lent);
        NBest nbest = NBest.parse(json, model.garbageWord().orElse(null), offsetSec - trimmed.startSec());
        List<Transcript.Word> words = nbest.wordsWithConfidence(0);
        return new Transcript(String.join(" ", words.stream().map(Transcript.Word::text).toList()), words, audio.seconds(),
                useGrammar, nbest.withPosteriors());
    }

    @Override
    public void close() {
        closed = true;
    }
}
