package org.epicall.pbx.ami;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** manager.conf eventfilter, applied as Asterisk 22's manager.c does. */
class EventFilterTest {

    private static boolean passes(String filters, String event) {
        EventFilter filter = EventFilter.of(Arrays.asList(filters.split(" ;; ")));
        byte[] text = ("Event: " + event + "\r\nPrivilege: call,all\r\nChannel: PJSIP/trunk-00000001\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return switch (filter.verdict(event)) {
            case PASS -> true;
            case DROP -> false;
            case READ_TEXT -> filter.passes(text);
        };
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource({
            "'', Newexten, true",
            "Event: OriginateResponse ;; Event: Hangup, OriginateResponse, true",
            "Event: OriginateResponse ;; Event: Hangup, Hangup, true",
            "Event: OriginateResponse ;; Event: Hangup, HangupRequest, true",
            "Event: OriginateResponse ;; Event: Hangup, Newexten, false",
            "!Event: Newexten, Newexten, false",
            "!Event: Newexten, VarSet, true",
            "Event: Hangup ;; !Event: HangupRequest, HangupRequest, false",
            "Event: Hangup ;; !Event: HangupRequest, Hangup, true",
            "^Event: (OriginateResponse|Hangup)\\r, Hangup, true",
            "^Event: (OriginateResponse|Hangup)\\r, HangupRequest, false",
            "Channel: PJSIP/, Newexten, true",
    })
    void shouldPassAnEventAsAsteriskWould(String filters, String event, boolean passes) {
        assertThat(passes(filters, event)).isEqualTo(passes);
    }

    @Test
    void shouldDecideLiteralEventFiltersByNameWithoutBuildingTheEvent() {
        EventFilter filter = EventFilter.of(List.of("Event: OriginateResponse", "Event: Hangup"));

        assertThat(filter.verdict("Newexten")).isEqualTo(EventFilter.Verdict.DROP);
        assertThat(filter.verdict("HangupRequest")).isEqualTo(EventFilter.Verdict.PASS);
    }

    @Test
    void shouldNameAFilterThatIsNotARegularExpression() {
        assertThatThrownBy(() -> EventFilter.of(List.of("Event: (Hangup")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventfilter 'Event: (Hangup'");
    }
}
