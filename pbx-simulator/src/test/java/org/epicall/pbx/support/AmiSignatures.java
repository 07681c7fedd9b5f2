package org.epicall.pbx.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reduces AMI messages to what matters to a client, so a simulator session can be compared with a reference
 * transcript: response and event types, key fields, reason and cause codes, error texts, dialplan steps, AGI
 * commands and their results. Timestamps, unique ids, channel sequence numbers, ports and counters are
 * normalised away.
 *
 * <p>Compared: every event the simulator emits (see AmiEventPublisher) with the fields below. Not compared:
 * DeviceStateChange (not simulated), and the far half's own dialplan: Newexten and PLAYBACKSTATUS on a
 * {@code ;2} channel come from the reference's resident scripts (extensions.conf), which personas stand in for
 * by behaviour, not priority by priority.
 *
 * <p>Events that are {@link Signature#ordered() ordered} are compared in order per channel; HangupRequest,
 * SoftHangupRequest, DialBegin/DialState/DialEnd and LocalBridge are compared as a set, because Asterisk emits
 * them from other threads than the channel's own and their place varies from run to run (ami-27 shows both
 * orders in one file); the order that matters to a dialer, OriginateResponse among the hangups, is held by
 * {@code FailureEventOrderTest}.
 */
public final class AmiSignatures {

    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("FullyBooted", List.of("Privilege", "Status")),
            Map.entry("SuccessfulAuth", List.of("Privilege", "Service", "AccountID", "UsingPassword")),
            Map.entry("Newchannel", List.of("Privilege", "Channel", "ChannelState", "ChannelStateDesc", "Context",
                    "Exten", "Uniqueid", "Linkedid")),
            Map.entry("Newstate", List.of("Privilege", "Channel", "ChannelState", "ChannelStateDesc", "Uniqueid")),
            Map.entry("Newexten", List.of("Privilege", "Channel", "Context", "Exten", "Priority", "Application",
                    "AppData")),
            Map.entry("NewCallerid", List.of("Privilege", "Channel", "CallerIDNum", "CallerIDName",
                    "CID-CallingPres")),
            Map.entry("NewConnectedLine", List.of("Privilege", "Channel", "ConnectedLineNum", "ConnectedLineName")),
            Map.entry("LocalBridge", List.of("Privilege", "LocalOneChannel", "LocalTwoChannel", "LocalOptimization")),
            Map.entry("DialBegin", List.of("Privilege", "DestChannel", "DestUniqueid", "DialString")),
            Map.entry("DialState", List.of("Privilege", "DestChannel", "DialStatus")),
            Map.entry("DialEnd", List.of("Privilege", "DestChannel", "DialStatus")),
            Map.entry("SoftHangupRequest", List.of("Privilege", "Channel", "Cause")),
            Map.entry("HangupRequest", List.of("Privilege", "Channel", "Cause")),
            Map.entry("Hangup", List.of("Privilege", "Channel", "Uniqueid", "Cause", "Cause-txt")),
            Map.entry("OriginateResponse", List.of("Privilege", "ActionID", "Response", "Channel", "Context", "Exten",
                    "Application", "Data", "Reason", "Uniqueid", "CallerIDNum", "CallerIDName")),
            Map.entry("VarSet", List.of("Privilege", "Channel", "Variable", "Value")),
            Map.entry("AGIExecStart", List.of("Privilege", "Channel", "Command")),
            Map.entry("AGIExecEnd", List.of("Privilege", "Channel", "Command", "ResultCode", "Result")),
            Map.entry("DTMFBegin", List.of("Privilege", "Channel", "Digit", "Direction")),
            Map.entry("DTMFEnd", List.of("Privilege", "Channel", "Digit", "Direction")),
            Map.entry("CoreShowChannel", List.of("ActionID", "Channel")),
            Map.entry("CoreShowChannelsComplete", List.of("ActionID", "EventList", "ListItems")));

    /** Per-channel events whose order within their channel is the same in every reference run. */
    private static final Set<String> ORDERED = Set.of("Newchannel", "Newstate", "Newexten", "NewCallerid",
            "NewConnectedLine", "VarSet", "Hangup", "AGIExecStart", "AGIExecEnd", "DTMFBegin", "DTMFEnd");

    private AmiSignatures() {
    }

    /**
     * A compared message: its signature; for channel events the channel it belongs to; whether it is ordered
     * within that channel; whether it is ordered with the responses (OriginateResponse, CoreShowChannel).
     */
    public record Signature(String text, String channel, boolean ordered, boolean actionThread) {
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
            return new Signature(text.toString(), null, false, true);
        }
        if (event == null || !FIELDS.containsKey(event) || isFarSideDialplan(event, first)) {
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
        String channel = first.containsKey("Channel") && !actionThread ? normalise(first.get("Channel")) : null;
        return new Signature(text.toString(), channel, channel != null && ORDERED.contains(event), actionThread);
    }

    private static boolean isFarSideDialplan(String event, Map<String, String> headers) {
        String channel = headers.getOrDefault("Channel", "");
        if (!channel.endsWith(";2")) {
            return false;
        }
        return event.equals("Newexten")
                || event.equals("VarSet") && "PLAYBACKSTATUS".equals(headers.get("Variable"));
    }

    /** Channel sequence numbers, generated unique ids and FastAGI ports become placeholders. */
    static String normalise(String value) {
        return value.replaceAll("-[0-9a-f]{8};", "-N;")
                .replaceAll("(?<![\\w.])\\d{9,}\\.\\d+(?![\\w.])", "UID")
                .replaceAll("agi://127\\.0\\.0\\.1:\\d+/", "agi://127.0.0.1:PORT/");
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
