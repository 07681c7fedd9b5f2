package org.epicall.speech.internal;

import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechRecognizer;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.audio.AudioReader;
import org.epicall.speech.model.ModelStore;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Vosk behind {@link SpeechRecognizer}: one model per language, loaded on first use and shared by
 * every call. Thread-safe. Closing it frees the models; calls still open keep theirs alive (libvosk
 * reference-counts models).
 */
public final class VoskSpeechRecognizer implements SpeechRecognizer, AutoCloseable {

    private final ModelStore store;
    private final SpeechSettings settings;
    private final AudioReader reader;
    private final ConcurrentMap<String, LoadedModel> models;

    public VoskSpeechRecognizer(ModelStore store, SpeechSettings settings, AudioReader reader) {
        this(store, settings, reader, new ConcurrentHashMap<>());
    }

    private VoskSpeechRecognizer(ModelStore store, SpeechSettings settings, AudioReader reader, ConcurrentMap<String, LoadedModel> models) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.models = models;
    }

    /**
     * A recognizer with other settings sharing this one's loaded models (e.g. to compare 8 kHz and
     * 16 kHz on one model; other decoder options load the model once more); closing either frees
     * the shared models.
     */
    public VoskSpeechRecognizer withSettings(SpeechSettings other) {
        return new VoskSpeechRecognizer(store, other, reader, models);
    }

    public VoskSpeechRecognizer(ModelStore store, SpeechSettings settings) {
        this(store, settings, new AudioReader());
    }

    @Override
    public CallRecognizer openCall(String language) {
        return new VoskCallRecognizer(model(language), settings, reader);
    }

    /** Loads the language's model now rather than on the first call. */
    public void preload(String language) {
        model(language);
    }

    /** Whether the language's model takes runtime grammars (loads it if needed). */
    public boolean supportsGrammar(String language) {
        return model(language).grammarSupported();
    }

    /** The loaded libvosk model, for baselines that drive Vosk directly (benchmarks). */
    public org.vosk.Model voskModel(String language) {
        return model(language).model();
    }

    /** The grammar JSON a call would hand libvosk for {@code phrases}, or null for free transcription. */
    public String grammarJson(String language, java.util.List<String> phrases) {
        LoadedModel loaded = model(language);
        Grammar grammar = Grammar.build(phrases, loaded);
        return loaded.grammarSupported() && !grammar.isEmpty() ? grammar.toJson() : null;
    }

    public SpeechSettings settings() {
        return settings;
    }

    /* Keyed by language and decoder options: those are set when libvosk loads the model. */
    private LoadedModel model(String language) {
        Map<String, String> options = settings.decoderOptions();
        return models.computeIfAbsent(language + " " + new TreeMap<>(options),
                key -> LoadedModel.load(language, store.locate(language), options));
    }

    @Override
    public void close() {
        models.values().forEach(LoadedModel::close);
        models.clear();
    }
}
