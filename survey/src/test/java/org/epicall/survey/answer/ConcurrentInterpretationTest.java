package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** One interpreter serves every call at once; its answers must not depend on what else runs. */
class ConcurrentInterpretationTest {

    private record Case(String questionId, String language, String transcript) {
    }

    private static final List<Case> CASES = List.of(
            new Case("fever", "ko", "아니요 없어요"), new Case("fever", "en", "yes I do"),
            new Case("temperature", "ko", "삼십칠 점 오 도"), new Case("temperature", "en", "a hundred and one"),
            new Case("symptoms", "ko", "기침하고 목이 아파요"), new Case("symptoms", "en", "no cough"),
            new Case("travel_country", "ko", "일본이요"), new Case("consent", "ko", "네 아니요"));

    @Test
    void shouldGiveTheSameAnswersFromManyThreadsAsFromOne() throws Exception {
        AnswerInterpreter interpreter = new AnswerInterpreter();
        List<Interpretation> sequential = CASES.stream()
                .map(c -> interpreter.interpret(Questions.get(c.questionId()), c.language(), c.transcript(), 0.9))
                .toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<Interpretation>>> runs = new ArrayList<>();
            for (int run = 0; run < 32; run++) {
                runs.add(pool.submit(() -> CASES.stream()
                        .map(c -> interpreter.interpret(Questions.get(c.questionId()), c.language(), c.transcript(), 0.9))
                        .toList()));
            }
            for (Future<List<Interpretation>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        }
    }
}
