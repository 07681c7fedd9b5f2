package org.epicall.speech.internal;

import org.epicall.speech.model.ModelUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One loaded Vosk model, what it can do, and the recognizers kept for it. Thread-safe: libvosk
 * models are reference-counted and read-only once loaded.
 */
final class LoadedModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadedModel.class);
    /** Garbage words used by Vosk models, in order of preference: "[unk]" in most, "<UNK>" in the Korean one. */
    private static final List<String> GARBAGE_WORDS = List.of("[unk]", "<UNK>", "<unk>");
    /** Idle recognizers kept per grammar: enough for every decoding thread of a large server to find one. */
    private static final int IDLE_PER_GRAMMAR = 8;
    /** Grammars whose recognizers are kept: every question of a few questionnaires in a few languages. */
    private static final int GRAMMARS = 256;

    private final String language;
    private final Path dir;
    private final Model model;
    private final boolean grammarSupported;
    private final Optional<String> garbageWord;
    private final ConcurrentMap<String, Boolean> known = new ConcurrentHashMap<>();
    private final RecognizerPool recognizers;

    private LoadedModel(String language, Path dir, Model model) {
        this.language = language;
        this.dir = dir;
        this.model = model;
        this.recognizers = new RecognizerPool(model, language, IDLE_PER_GRAMMAR, GRAMMARS);
        this.grammarSupported = Files.exists(dir.resolve("graph/HCLr.fst")) && Files.exists(dir.resolve("graph/Gr.fst"))
                && !Files.exists(dir.resolve("graph/HCLG.fst"));
        this.garbageWord = GARBAGE_WORDS.stream().filter(this::knows).findFirst();
        if (!grammarSupported) {
            log.warn("The {} model at {} has a static decoding graph (HCLG.fst): runtime grammars are not supported, "
                    + "answers will be transcribed freely", language, dir);
        } else if (garbageWord.isEmpty()) {
            log.warn("The {} model at {} has no garbage word ({}); speech outside a question's phrases will be forced onto them",
                    language, dir, GARBAGE_WORDS);
        }
    }

    /**
     * Loads the model in {@code dir} with {@code decoderOptions} (Kaldi option names without the
     * dashes, e.g. {@code frames-per-chunk}) in force over its own {@code conf/model.conf}.
     */
    static LoadedModel load(String language, Path dir, Map<String, String> decoderOptions) {
        VoskNative.init();
        Path view = null;
        try {
            view = DecoderConf.view(dir, decoderOptions).orElse(null);
        } catch (java.io.UncheckedIOException e) {
            log.warn("The {} model's own decoder options are used, not {}: {}", language, decoderOptions, e.getMessage());
        }
        long start = System.nanoTime();
        try {
            Model model = new Model((view != null ? view : dir).toString());
            log.debug("Loaded the {} speech model from {} in {} ms", language, dir, (System.nanoTime() - start) / 1_000_000);
            return new LoadedModel(language, dir, model);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new ModelUnavailableException("The " + language + " speech model at " + dir + " could not be loaded ("
                    + e.getMessage() + "); it is probably corrupt. Delete it to fetch it again, or set "
                    + org.epicall.speech.model.ModelSettings.key(language, "path") + " to a working Vosk model.", e);
        } finally {
            // libvosk reads every file of the model while loading it; the view is not needed after.
            if (view != null) {
                DecoderConf.delete(view);
            }
        }
    }

    String language() {
        return language;
    }

    Path dir() {
        return dir;
    }

    Model model() {
        return model;
    }

    /** The recognizers kept for this model, shared by every call. */
    RecognizerPool recognizers() {
        return recognizers;
    }

    boolean grammarSupported() {
        return grammarSupported;
    }

    /** The model's own word for out-of-grammar speech, if it has one. */
    Optional<String> garbageWord() {
        return garbageWord;
    }

    /** Whether the model's vocabulary holds {@code word}. */
    boolean knows(String word) {
        return known.computeIfAbsent(word, w -> VoskNative.vosk_model_find_word(model.getPointer(), w) >= 0);
    }

    @Override
    public void close() {
        recognizers.close();
        model.close();
    }
}
