package org.epicall.speech.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;
import org.vosk.Recognizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * libvosk recognizers kept between answers and shared by all calls, one set per grammar.
 *
 * <p>Why: a recognizer built for a grammar composes the model's graph with that grammar lazily, as
 * decoding reaches each state, and keeps what it composed. A recognizer per call started that work
 * afresh for every question of every call (and rebuilt the grammar each time); one kept per grammar
 * has it done after the first few answers. Every answer is finished with {@code FinalResult}, which
 * makes libvosk start the next one with a fresh feature pipeline and decoder, so nothing of one
 * resident's answer (audio, speaker adaptation) reaches the next — what stays is the graph.
 *
 * <p>A recognizer is lent to one decode at a time. Idle recognizers are kept up to
 * {@code idlePerGrammar} per grammar and for the {@code grammars} grammars used most recently; the
 * others are closed. Thread-safe.
 */
final class RecognizerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecognizerPool.class);

    /**
     * What a recognizer is built for.
     *
     * @param rate            sample rate of the audio it is given, Hz
     * @param grammarJson     the grammar, or null for free transcription
     * @param maxAlternatives size of the n-best list it returns
     */
    record Key(int rate, String grammarJson, int maxAlternatives) {
    }

    /** A recognizer on loan, with where its word times start (libvosk counts them from its creation). */
    static final class Lent {
        private final Key key;
        private final Recognizer recognizer;
        private double offsetSec;

        private Lent(Key key, Recognizer recognizer) {
            this.key = key;
            this.recognizer = recognizer;
        }

        Recognizer recognizer() {
            return recognizer;
        }

        /** Seconds of audio this recognizer decoded before the current answer. */
        double offsetSec() {
            return offsetSec;
        }

        void decoded(double seconds) {
            offsetSec += seconds;
        }
    }

    private final Model model;
    private final String language;
    private final int idlePerGrammar;
    private final Map<Key, Deque<Lent>> idle;
    private boolean closed;

    /**
     * @param idlePerGrammar idle recognizers kept per grammar (the decoding threads' count is enough)
     * @param grammars       grammars whose idle recognizers are kept, the least recently used dropped first
     */
    RecognizerPool(Model model, String language, int idlePerGrammar, int grammars) {
        this.model = Objects.requireNonNull(model, "model");
        this.language = language;
        this.idlePerGrammar = idlePerGrammar;
        this.idle = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Deque<Lent>> eldest) {
                if (size() > grammars) {
                    eldest.getValue().forEach(lent -> lent.recognizer.close());
                    return true;
                }
                return false;
            }
        };
    }

    /** An idle recognizer for {@code key}, or a new one. Give it back with {@link #giveBack} or {@link #discard}. */
    Lent borrow(Key key) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the " + language + " model is closed");
            }
            Deque<Lent> free = idle.get(key);
            if (free != null && !free.isEmpty()) {
                return free.pop();
            }
        }
        return create(key);
    }

    /** Returns a recognizer whose answer was finished ({@code FinalResult}) for the next decode. */
    void giveBack(Lent lent) {
        synchronized (this) {
            if (!closed) {
                Deque<Lent> free = idle.computeIfAbsent(lent.key, k -> new ArrayDeque<>());
                if (free.size() < idlePerGrammar) {
                    free.push(lent);
                    return;
                }
            }
        }
        lent.recognizer.close();
    }

    /** Closes a recognizer that may be in an unknown state (its decode failed). */
    void discard(Lent lent) {
        lent.recognizer.close();
    }

    /** Idle recognizers held, for tests and metrics. */
    synchronized int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            for (Iterator<Deque<Lent>> it = idle.values().iterator(); it.hasNext(); ) {
                it.next().forEach(lent -> lent.recognizer.close());
                it.remove();
            }
        }
    }

    private Lent create(Key key) {
        try {
            Recognizer recognizer = key.grammarJson() == null
                    ? new Recognizer(model, key.rate())
                    : new Recognizer(model, key.rate(), key.grammarJson());
            recognizer.setMaxAlternatives(key.maxAlternatives());
            recognizer.setWords(true);
            log.debug("New {} recognizer at {} Hz for {}", language, key.rate(),
                    key.grammarJson() == null ? "free transcription" : "a grammar of " + key.grammarJson().length() + " characters");
            return new Lent(key, recognizer);
        } catch (IOException e) {
            throw new UncheckedIOException("libvosk could not create a recognizer for the " + language + " model", e);
        }
    }
}
