package org.epicall.dialer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Channel ids as Asterisk 22 compares them (a new ChannelId clashes with every live Uniqueid it is a
 * case-insensitive prefix of, ami-22): no two attempts' ids can clash, and each id, or its Local
 * channel's second half, names its attempt again.
 */
class CallIdsProperties {

    @Provide
    Arbitrary<String> attemptIds() {
        // the alphabet DialerCore accepts, with the shapes that clash most: shared stems, digits, case
        Arbitrary<String> free = Arbitraries.strings().withChars("aAbB01._:@-").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> numbered = Arbitraries.integers().between(0, 200).map(n -> "bench-" + n);
        return Arbitraries.oneOf(free, numbered);
    }

    @Property(tries = 2000)
    void noChannelIdIsAPrefixOfAnotherIgnoringCase(@ForAll("attemptIds") String one, @ForAll @IntRange(max = 9) int oneTry,
                                                  @ForAll("attemptIds") String other, @ForAll @IntRange(max = 9) int otherTry) {
        Assume.that(!one.equals(other) || oneTry != otherTry);
        String a = CallIds.channelId(one, oneTry).toLowerCase(Locale.ROOT);
        String b = CallIds.channelId(other, otherTry).toLowerCase(Locale.ROOT);

        assertThat(b).doesNotStartWith(a);
        assertThat(b + ";2").doesNotStartWith(a);
    }

    @Property
    void theChannelIdAndItsSecondHalfNameTheirAttemptAndTry(@ForAll("attemptIds") String attemptId,
                                                          @ForAll @IntRange(max = 9) int attempt) {
        String channelId = CallIds.channelId(attemptId, attempt);

        assertThat(CallIds.attemptOf(channelId)).isEqualTo(attemptId);
        assertThat(CallIds.attemptOf(channelId + ";2")).isEqualTo(attemptId);
        assertThat(CallIds.tryOf(channelId + ";2")).isEqualTo(attempt);
        assertThat(CallIds.isPrimary(channelId)).isTrue();
    }
}
