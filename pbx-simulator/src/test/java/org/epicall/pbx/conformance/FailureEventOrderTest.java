package org.epicall.pbx.conformance;

import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.call.FailureEventOrder;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.ReferenceFixtures;
import org.epicall.pbx.support.ReferencePbx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order in which the simulator sends a failed call's closing events (OriginateResponse among Newstate,
 * DialEnd, SoftHangupRequest, HangupRequest and Hangup) is one the real Asterisk showed in the 140 runs of
 * ami-21-rejected-race-runs.txt, for each far-side behaviour recorded there and each {@link FailureEventOrder}.
 */
class FailureEventOrderTest {

    private static final Pattern ORDER_SEEN = Pattern.compile("#\\s+\\d+x (.+)");
    private static final Pattern CASE = Pattern.compile("# (\\w+) batch [AB]: \\d+ runs");

    /** The far side of each recorded case: the xref-far extension ReferencePbx maps to a persona. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String far : List.of("reject21", "hangup20", "hangup1", "busy", "congestion", "ring")) {
            for (FailureEventOrder order : List.of(FailureEventOrder.RESPONSE_FIRST,
                    FailureEventOrder.RESPONSE_BEFORE_CALLER_HANGUP, FailureEventOrder.RESPONSE_LAST)) {
                cases.add(Arguments.of(far, order));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void shouldCloseAFailedCallInAnOrderTheReferenceAsteriskShowed(String far, FailureEventOrder order)
            throws Exception {
        try (PbxSimulator pbx = PbxSimulator.start(ReferencePbx.config(AmiConformanceTest.closedPort(), 50)
                .failureOrder(order).build());
             AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {

            String seen = closingEvents(client, far, "ec-" + far);

            assertThat(ordersSeen().get(far)).as("orders Asterisk showed for %s", far).contains(seen);
        }
    }

    @Test
    void variedOrdersTakeEachOrderInTurnAndAllWereSeen() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.start(ReferencePbx.config(AmiConformanceTest.closedPort(), 50)
                .failureOrder(FailureEventOrder.VARIED).build());
             AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {

            Set<String> orders = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                orders.add(closingEvents(client, "reject21", "ec-varied-" + i));
            }

            assertThat(orders).hasSize(3);
            assertThat(ordersSeen().get("reject21")).containsAll(orders);
        }
    }

    /** Originates to {@code Local/<far>@xref-far} and writes the call's closing events as the runs file does. */
    private static String closingEvents(AmiTestClient client, String far, String channelId) throws Exception {
        client.send("Action: Originate", "ActionID: " + channelId, "Channel: Local/" + far + "@xref-far",
                "Context: xref-hold", "Exten: s", "Priority: 1", "Timeout: " + (far.equals("ring") ? 5000 : 30000),
                "CallerID: \"epicall\" <1000>", "ChannelId: " + channelId, "Async: true");
        client.awaitEvent("Hangup", e -> (channelId).equals(e.get("Uniqueid")));
        client.awaitEvent("Hangup", e -> (channelId + ";2").equals(e.get("Uniqueid")));
        client.awaitEvent("OriginateResponse", e -> channelId.equals(e.get("ActionID")));
        List<String> events = new ArrayList<>();
        for (Map<String, String> event : client.received()) {
            String name = event.getOrDefault("Event", "");
            boolean ours = channelId.equals(event.get("ActionID")) || channelId.equals(event.get("Uniqueid"))
                    || (channelId + ";2").equals(event.get("Uniqueid")) || channelId.equals(event.get("DestUniqueid"));
            if (!ours) {
                continue;
            }
            String half = event.getOrDefault("Channel", "").endsWith(";2") ? ";2" : ";1";
            switch (name) {
                case "Newstate" -> {
                    if (!event.get("ChannelStateDesc").equals("Up")) {
                        events.add("Newstate" + half + "(" + event.get("ChannelStateDesc") + ")");
                    }
                }
                case "DialEnd" -> events.add("DialEnd(" + event.get("DialStatus") + ")");
                case "SoftHangupRequest", "HangupRequest" ->
                        events.add(name + half + "(Cause " + event.get("Cause") + ")");
                case "Hangup" -> events.add("Hangup" + half + "(Cause " + event.get("Cause") + " "
                        + event.get("Cause-txt") + ")");
                case "OriginateResponse" -> events.add("OriginateResponse(" + event.get("Response") + ",Reason "
                        + event.get("Reason") + ")");
                default -> {
                }
            }
        }
        return String.join(" > ", events);
    }

    /** The "orders seen" of each case in the SUMMARY of the runs file, batches A and B together. */
    private static Map<String, List<String>> ordersSeen() {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        String current = null;
        for (String line : ReferenceFixtures.lines(ReferenceFixtures.RACE_RUNS)) {
            Matcher header = CASE.matcher(line);
            if (header.matches()) {
                current = header.group(1);
                continue;
            }
            Matcher order = ORDER_SEEN.matcher(line);
            if (current != null && order.matches()) {
                seen.computeIfAbsent(current, c -> new ArrayList<>()).add(order.group(1).strip());
            }
        }
        return seen;
    }
}
