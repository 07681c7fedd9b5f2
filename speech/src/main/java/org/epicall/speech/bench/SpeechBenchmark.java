package org.epicall.speech.bench;

import org.epicall.corpus.Manifest;
import org.epicall.speech.AnswerListener;
import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.audio.AudioReader;
import org.epicall.speech.audio.Resampler;
import org.epicall.speech.audio.SilenceTrimmer;
import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.answer.ExpectedPhrases;
import org.epicall.speech.eval.AnswerQuestions;
import org.epicall.survey.questionnaire.Question;
import org.vosk.Recognizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Speed and memory of recognition, epicall's full path against bare Vosk, in one process.
 *
 * <p>Bare Vosk decodes the same audio with the same grammar and n-best size, all prepared
 * beforehand, so the ratio shows what epicall adds: reading and validating the WAV, resampling,
 * building the grammar, reading the n-best list, interpreting every hypothesis and deciding.
 * CPU time is the benchmark thread's, which includes libvosk's work (it runs on the calling thread).
 */
public final class SpeechBenchmark {

    /** One corpus recording, prepared both ways. */
    private record Item(Manifest.Recording clip, byte[] wav, Question question, byte[] barePcm, int bareRate, String grammar, double seconds) {
    }

    private final VoskSpeechRecognizer recognizer;
    private final AnswerQuestions questions;
    private final Manifest manifest;
    private final String language;
    private final Consumer<String> out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public SpeechBenchmark(VoskSpeechRecognizer recognizer, AnswerQuestions questions, Manifest manifest, String language,
                           Consumer<String> out) {
        this.recognizer = recognizer;
        this.questions = questions;
        this.manifest = manifest;
        this.language = language;
        this.out = out;
    }

    public void run(List<Manifest.Recording> clips, int rounds, int liveRecognizers) {
        recognizer.preload(language);
        List<Item> items = prepare(clips);
        // The interpreter's Korean dictionary (Nori) is loaded once per process, like the model: not per recognizer.
        AnswerInterpreter warm = new AnswerInterpreter();
        items.forEach(item -> warm.interpret(item.question(), language, "네", 1.0));
        double audio = items.stream().mapToDouble(Item::seconds).sum();
        out.accept(String.format("corpus: %d clips, %.1f s of audio, %d rounds", items.size(), audio, rounds));

        double[] memory = memoryPerRecognizer(items, liveRecognizers);
        out.accept(String.format("memory per live recognizer, bare vosk (%d open): %.2f MB", liveRecognizers, memory[0]));
        out.accept(String.format("memory per live recognizer, epicall (%d open): %.2f MB", liveRecognizers, memory[1]));
        out.accept(String.format("memory ratio epicall to bare vosk: %.2f", memory[1] / memory[0]));

        bare(items);
        full(items);
        double bareCpu = 0;
        double fullCpu = 0;
        for (int round = 0; round < rounds; round++) {
            bareCpu += bare(items);
            fullCpu += full(items);
        }
        double bareRate = audio * rounds / bareCpu;
        double fullRate = audio * rounds / fullCpu;
        out.accept(String.format("bare vosk: %.2f audio-s/cpu-s", bareRate));
        out.accept(String.format("epicall path: %.2f audio-s/cpu-s", fullRate));
        out.accept(String.format("ratio to bare vosk: %.3f", fullRate / bareRate));

    }

    private List<Item> prepare(List<Manifest.Recording> clips) {
        AudioReader reader = new AudioReader();
        Resampler resampler = new Resampler();
        SilenceTrimmer trimmer = new SilenceTrimmer();
        boolean up = recognizer.settings().upsampleTo16k();
        boolean trim = recognizer.settings().trimSilence();
        List<Item> items = new ArrayList<>();
        for (Manifest.Recording clip : clips) {
            Question question = questions.of(clip).getFirst();
            byte[] wav = manifest.bytes(clip);
            TelephoneAudio audio = reader.read(new ByteArrayInputStream(wav), clip.file());
            TelephoneAudio trimmed = trim ? trimmer.trim(audio) : audio;
            TelephoneAudio decoded = up && audio.sampleRate() == TelephoneAudio.TELEPHONE_RATE ? resampler.doubleRate(trimmed) : trimmed;
            String grammar = recognizer.grammarJson(language, ExpectedPhrases.forQuestion(question, language));
            items.add(new Item(clip, wav, question, decoded.pcm(), decoded.sampleRate(), grammar, audio.seconds()));
        }
        return items;
    }

    /** CPU seconds for bare Vosk over the items. */
    private double bare(List<Item> items) {
        long start = threads.getCurrentThreadCpuTime();
        for (Item item : items) {
            try (Recognizer rec = bareRecognizer(item)) {
                rec.acceptWaveForm(item.barePcm(), item.barePcm().length);
                rec.getFinalResult();
            }
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e9;
    }

    /** CPU seconds for epicall's full path over the items. */
    private double full(List<Item> items) {
        AnswerInterpreter interpreter = new AnswerInterpreter();
        DecisionPolicy policy = new DecisionPolicy();
        AudioReader reader = new AudioReader();
        long start = threads.getCurrentThreadCpuTime();
        for (Item item : items) {
            try (CallRecognizer call = recognizer.openCall(language)) {
                TelephoneAudio audio = reader.read(new ByteArrayInputStream(item.wav()), item.clip().file());
                new AnswerListener(call, interpreter, policy).listen(item.question(), language, audio, 1);
            }
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e9;
    }

    private Recognizer bareRecognizer(Item item) {
        try {
            Recognizer rec = item.grammar() == null ? new Recognizer(recognizer.voskModel(language), item.bareRate())
                    : new Recognizer(recognizer.voskModel(language), item.bareRate(), item.grammar());
            rec.setMaxAlternatives(recognizer.settings().maxAlternatives());
            rec.setWords(true);
            return rec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens {@code n} bare Vosk recognizers, then {@code n} epicall call recognizers, each after
     * decoding one clip, all held open at once so that no freed memory is reused between the two
     * figures. Memory is native memory in use (glibc malloc, where libvosk allocates) plus live Java heap.
     */
    private double[] memoryPerRecognizer(List<Item> items, int n) {
        AnswerInterpreter interpreter = new AnswerInterpreter();
        DecisionPolicy policy = new DecisionPolicy();
        AudioReader reader = new AudioReader();
        List<Recognizer> bare = new ArrayList<>();
        List<CallRecognizer> calls = new ArrayList<>();
        try {
            long before = footprint();
            for (int i = 0; i < n; i++) {
                Item item = items.get(i % items.size());
                Recognizer rec = bareRecognizer(item);
                bare.add(rec);
                rec.acceptWaveForm(item.barePcm(), item.barePcm().length);
                rec.getFinalResult();
            }
            long afterBare = footprint();
            for (int i = 0; i < n; i++) {
                Item item = items.get(i % items.size());
                CallRecognizer call = recognizer.openCall(language);
                calls.add(call);
                TelephoneAudio audio = reader.read(new ByteArrayInputStream(item.wav()), item.clip().file());
                new AnswerListener(call, interpreter, policy).listen(item.question(), language, audio, 1);
            }
            long afterCalls = footprint();
            return new double[] {(afterBare - before) / 1e6 / n, (afterCalls - afterBare) / 1e6 / n};
        } finally {
            bare.forEach(Recognizer::close);
            calls.forEach(CallRecognizer::close);
        }
    }

    /** Native memory in use (glibc malloc) plus live Java heap after a collection, in bytes. */
    private static long footprint() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return (NativeHeap.available() ? NativeHeap.inUse() : 0) + heap;
    }
}
