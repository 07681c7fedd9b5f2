package org.epicall.speech.internal;

import org.epicall.speech.KoreanModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recognizers kept between answers, on the real Korean model. */
class RecognizerPoolTest {

    private static final RecognizerPool.Key YES_NO = new RecognizerPool.Key(8000, "[\"네\", \"아니요\", \"<UNK>\"]", 5);
    private static final RecognizerPool.Key FREE = new RecognizerPool.Key(8000, null, 5);
    private static final RecognizerPool.Key NUMBERS = new RecognizerPool.Key(8000, "[\"삼십칠\", \"도\", \"<UNK>\"]", 5);

    private final RecognizerPool pool = new RecognizerPool(KoreanModel.recognizer().voskModel("ko"), "ko", 2, 2);
    /** Recognizers a test kept on loan, closed after it (the pool only closes those it holds). */
    private final List<RecognizerPool.Lent> onLoan = new ArrayList<>();

    @AfterEach
    void close() {
        onLoan.forEach(pool::discard);
        pool.close();
    }

    @Test
    void lendsTheRecognizerGivenBackForTheSameGrammarAgain() {
        RecognizerPool.Lent first = pool.borrow(YES_NO);
        pool.giveBack(first);

        assertThat(keep(pool.borrow(YES_NO))).isSameAs(first);
    }

    @Test
    void neverLendsARecognizerBuiltForAnotherGrammar() {
        RecognizerPool.Lent yesNo = pool.borrow(YES_NO);
        pool.giveBack(yesNo);

        assertThat(keep(pool.borrow(FREE))).isNotSameAs(yesNo);
        assertThat(keep(pool.borrow(NUMBERS))).isNotSameAs(yesNo);
    }

    @Test
    void lendsEachRecognizerToOneDecodeAtATime() {
        RecognizerPool.Lent first = keep(pool.borrow(YES_NO));

        assertThat(keep(pool.borrow(YES_NO))).isNotSameAs(first);
    }

    @Test
    void neverLendsAgainARecognizerWhoseDecodeFailed() {
        RecognizerPool.Lent failed = pool.borrow(YES_NO);
        pool.discard(failed);

        assertThat(pool.idleCount()).isZero();
        assertThat(keep(pool.borrow(YES_NO))).isNotSameAs(failed);
    }

    @Test
    void keepsAtMostItsIdleSharePerGrammar() {
        RecognizerPool.Lent a = pool.borrow(YES_NO);
        RecognizerPool.Lent b = pool.borrow(YES_NO);
        RecognizerPool.Lent c = pool.borrow(YES_NO);
        pool.giveBack(a);
        pool.giveBack(b);
        pool.giveBack(c);

        assertThat(pool.idleCount()).isEqualTo(2);
    }

    @Test
    void dropsTheLeastRecentlyUsedGrammarsRecognizersBeyondItsGrammarCount() {
        pool.giveBack(pool.borrow(YES_NO));
        pool.giveBack(pool.borrow(FREE));
        pool.giveBack(pool.borrow(NUMBERS));

        assertThat(pool.idleCount()).isEqualTo(2);
        RecognizerPool.Lent free = pool.borrow(FREE);
        RecognizerPool.Lent numbers = pool.borrow(NUMBERS);
        assertThat(pool.idleCount()).as("yes/no, the least recently used, was dropped").isZero();
        pool.giveBack(free);
        pool.giveBack(numbers);
    }

    @Test
    void neitherKeepsNorLendsOnceClosed() {
        RecognizerPool.Lent lent = pool.borrow(YES_NO);
        pool.close();
        pool.giveBack(lent);

        assertThat(pool.idleCount()).isZero();
        assertThatThrownBy(() -> pool.borrow(YES_NO)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private RecognizerPool.Lent keep(RecognizerPool.Lent lent) {
        onLoan.add(lent);
        return lent;
    }
}
