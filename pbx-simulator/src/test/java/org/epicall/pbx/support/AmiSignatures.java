package org.epicall.pbx.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reduces AMI messages to what matters to a client, so a simulator session can be compared with a reference
 * transcript: response and event types, key fields, reason and cause codes, error texts. Timestamps, unique
 * ids, channel sequence numbers and counters are normalised away.
 *
 * <p>Events compared: FullyBooted, SuccessfulAuth, Newchannel, Newstate, DialEnd, Hangup, OriginateResponse,
 * VarSet of AGISTATUS, CoreShowChannel(sComplete). Events the simulator does not emit, and so ignored here:
 * Newexten, NewCallerid, NewConnectedLine, LocalBridge, DeviceStateChange, DialState, SoftHangupRequest,
 * AGIExecStart/End, DTMFBegin/End, VarSet of dialplan variables other than AGISTATUS. DialBegin and
 * HangupRequest are emitted but not compared (Asterisk emits them from more internal steps than are simulated).
 */
public final class AmiSignatures {

    private static final Set<String> COMPARED_EVENTS = Set.of("FullyBooted", "SuccessfulAuth", "Newchannel",
            "Newstate", "DialEnd", "Hangup", "OriginateResponse", "VarSet", "CoreShowChannel",
            "CoreShowChannelsComplete");

    private static final Map<String, List<String>> FIELDS = Map.of(
            "FullyBooted", List.of("Privilege", "Status"),
            "SuccessfulAuth", List.of("Privilege", "Service", "AccountID", "UsingPassword"),
            "Newchannel", List.of("Privilege", "Channel", "ChannelState", "ChannelStateDesc", "Context", "Exten",
                    "Uniqueid", "Linkedid"),
            "Newstate", List.of("Privilege", "Channel", "ChannelState", "ChannelStateDesc", "Uniqueid"),
            "DialEnd", List.of("Privilege", "DestChannel", "DialStatus"),
            "Hangup", List.of("Privilege", "Channel", "Uniqueid", "Cause", "Cause-txt"),
            "OriginateResponse", List.of("Privilege", "ActionID", "Response", "Channel", "Context", "Exten",
                    "Application", "Data", "Reason", "Uniqueid", "CallerIDNum", "CallerIDName"),
            "VarSet", List.of("Privilege", "Channel", "Variable", "Value"),
            "CoreShowChannel", List.of("ActionID", "Channel"),
            "CoreShowChannelsComplete", List.of("ActionID", "EventList", "ListItems"));

    private AmiSignatures() {
    }

    /** A compared message: its signature and, for channel events, the channel it belongs to. */
    public record Signature(String text, String channel, boolean actionThread) {
    }

    /** The signature of a message, or null if it is not compared. */
    public static Signature of(List<String[]> headers) {
        Map<String, String> first = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        for (String[] header : headers) {
            first.putIfAbsent(header[0], header[1]);
            if (header[0].equals("Output")) {
                outputs.add(normalise(header[1]).replaceAll("\\d+", "N"));
            }
        }
        String event = first.get("Event");
        if (event == null && first.containsKey("Response")) {
            StringBuilder text = new StringBuilder("Response=" + first.get("Response"));
            for (String field : List.of("ActionID", "Message", "Ping", "Events", "EventList")) {
                if (first.containsKey(field)) {
                    text.append(" | ").append(field).append('=').append(first.get(field));
                }
            }
            outputs.forEach(line -> text.append(" | Output=").append(line));
            return new Signature(text.toString(), null, true);
        }
        if (event == null || !COMPARED_EVENTS.contains(event)) {
            return null;
        }
        if (event.equals("VarSet") && !"AGISTATUS".equals(first.get("Variable"))) {
            return null;
        }
        StringBuilder text = new StringBuilder("Event=" + event);
        for (String field : FIELDS.get(event)) {
            if (first.containsKey(field)) {
                text.append(" | ").append(field).append('=').append(normalise(first.get(field)));
            }
        }
        // FullyBooted and SuccessfulAuth are queued like any event, so Asterisk may send them after the
        // response to the next action: they are compared as a set, not in order.
        boolean actionThread = event.equals("OriginateResponse") || event.startsWith("CoreShowChannel");
        boolean channelEvent = !actionThread && !event.equals("FullyBooted") && !event.equals("SuccessfulAuth");
        String channel = first.containsKey("Channel") && channelEvent ? normalise(first.get("Channel")) : null;
        return new Signature(text.toString(), channel, actionThread);
    }

    /** Channel sequence numbers and generated unique ids become placeholders. */
    static String normalise(String value) {
        return value.replaceAll("-[0-9a-f]{8};", "-N;")
                .replaceAll("^\\d{9,}\\.\\d+$", "UID");
    }

    public static List<Signature> signatures(List<List<String[]>> messages) {
        List<Signature> signatures = new ArrayList<>();
        for (List<String[]> message : messages) {
            Signature signature = of(message);
            if (signature != null) {
                signatures.add(signature);
            }
        }
        return signatures;
    }
}
