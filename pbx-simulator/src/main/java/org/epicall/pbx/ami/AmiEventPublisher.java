package org.epicall.pbx.ami;

import org.epicall.pbx.call.CallListener;
import org.epicall.pbx.call.Channel;
import org.epicall.pbx.call.HangupCause;
import org.epicall.pbx.call.OriginateRequest;
import org.epicall.pbx.call.OriginateResult;

import java.time.Duration;

/**
 * Turns channel happenings into the AMI events Asterisk 22 sends for them, with the fields and privileges of the
 * reference transcripts: Newchannel, Newstate, Newexten, VarSet, NewCallerid, NewConnectedLine, LocalBridge,
 * DialBegin, DialState, DialEnd, SoftHangupRequest, HangupRequest, Hangup, AGIExecStart, AGIExecEnd, DTMFBegin,
 * DTMFEnd and OriginateResponse. An event is only built if some session may read it (privilege, event mask and
 * eventfilter), so a filtered dialer costs the simulator little. DeviceStateChange is not simulated. Thread-safe.
 */
final class AmiEventPublisher implements CallListener {

    private final AmiServer server;

    AmiEventPublisher(AmiServer server) {
        this.server = server;
    }

    @Override
    public void newChannel(Channel channel) {
        channelEvent("Newchannel", Privilege.CALL, channel);
    }

    @Override
    public void newState(Channel channel) {
        channelEvent("Newstate", Privilege.CALL, channel);
    }

    @Override
    public void newExten(Channel channel, String application, String data) {
        server.broadcast(Privilege.DIALPLAN, "Newexten", () -> header("Newexten", "dialplan,all")
                .block("", channel).add("Extension", channel.exten()).add("Application", application)
                .add("AppData", data).build());
    }

    @Override
    public void varSet(Channel channel, String variable, String value) {
        server.broadcast(Privilege.DIALPLAN, "VarSet", () -> header("VarSet", "dialplan,all")
                .block("", channel).add("Variable", variable).add("Value", value).build());
    }

    @Override
    public void newCallerId(Channel channel) {
        server.broadcast(Privilege.CALL, "NewCallerid", () -> header("NewCallerid", "call,all")
                .block("", channel).add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)").build());
    }

    @Override
    public void newConnectedLine(Channel channel) {
        channelEvent("NewConnectedLine", Privilege.CALL, channel);
    }

    @Override
    public void localBridge(Channel one, Channel two) {
        server.broadcast(Privilege.CALL, "LocalBridge", () -> header("LocalBridge", "call,all")
                .block("LocalOne", one).block("LocalTwo", two).add("Context", one.context()).add("Exten", one.exten())
                .add("LocalOptimization", "Yes").build());
    }

    @Override
    public void dialBegin(Channel caller, Channel destination, String dialString) {
        server.broadcast(Privilege.CALL, "DialBegin", () -> dial("DialBegin", caller, destination)
                .add("DialString", dialString).build());
    }

    @Override
    public void dialState(Channel caller, Channel destination, String dialStatus) {
        server.broadcast(Privilege.CALL, "DialState", () -> dial("DialState", caller, destination)
                .add("DialStatus", dialStatus).build());
    }

    @Override
    public void dialEnd(Channel caller, Channel destination, String dialStatus) {
        server.broadcast(Privilege.CALL, "DialEnd", () -> dial("DialEnd", caller, destination)
                .add("DialStatus", dialStatus).build());
    }

    @Override
    public void softHangupRequest(Channel channel, int cause) {
        server.broadcast(Privilege.CALL, "SoftHangupRequest", () -> header("SoftHangupRequest", "call,all")
                .block("", channel).add("Cause", cause).build());
    }

    @Override
    public void hangupRequest(Channel channel, HangupCause cause) {
        server.broadcast(Privilege.CALL, "HangupRequest", () -> header("HangupRequest", "call,all")
                .block("", channel).add("Cause", cause.code()).build());
    }

    @Override
    public void hangup(Channel channel, HangupCause cause) {
        server.broadcast(Privilege.CALL, "Hangup", () -> header("Hangup", "call,all")
                .block("", channel).add("Cause", cause.code()).add("Cause-txt", cause.text()).build());
    }

    @Override
    public void agiExecStart(Channel channel, long commandId, String command) {
        server.broadcast(Privilege.AGI, "AGIExecStart", () -> header("AGIExecStart", "agi,all")
                .block("", channel).add("CommandId", commandId).add("Command", command).build());
    }

    @Override
    public void agiExecEnd(Channel channel, long commandId, String command, int resultCode, String result) {
        server.broadcast(Privilege.AGI, "AGIExecEnd", () -> header("AGIExecEnd", "agi,all")
                .block("", channel).add("CommandId", commandId).add("Command", command)
                .add("ResultCode", resultCode).add("Result", result).build());
    }

    @Override
    public void dtmfBegin(Channel channel, char digit) {
        server.broadcast(Privilege.DTMF, "DTMFBegin", () -> header("DTMFBegin", "dtmf,all")
                .block("", channel).add("Digit", digit).add("Direction", "Received").build());
    }

    @Override
    public void dtmfEnd(Channel channel, char digit, Duration length) {
        server.broadcast(Privilege.DTMF, "DTMFEnd", () -> header("DTMFEnd", "dtmf,all")
                .block("", channel).add("Digit", digit).add("DurationMs", length.toMillis())
                .add("Direction", "Received").build());
    }

    /** OriginateResponse, broadcast to every session reading {@code call}, as Asterisk does. */
    void originateResponse(String actionId, OriginateRequest request, OriginateResult result) {
        server.broadcast(Privilege.CALL, "OriginateResponse", () -> {
            EventBuilder event = header("OriginateResponse", "call,all");
            event.message.actionId(actionId);
            event.add("Response", result.success() ? "Success" : "Failure").add("Channel", result.channel());
            if (request.application() != null) {
                event.add("Application", request.application()).add("Data", request.data());
            } else {
                event.add("Context", request.context()).add("Exten", request.exten());
            }
            return event.add("Reason", result.reason().code())
                    .add("Uniqueid", result.uniqueid())
                    .add("CallerIDNum", orUnknown(request.callerIdNum()))
                    .add("CallerIDName", orUnknown(request.callerIdName()))
                    .build();
        });
    }

    private void channelEvent(String name, int privilege, Channel channel) {
        server.broadcast(privilege, name, () -> header(name, "call,all").block("", channel).build());
    }

    private static EventBuilder dial(String name, Channel caller, Channel destination) {
        EventBuilder event = header(name, "call,all");
        if (caller != null) {
            event.block("", caller);
        }
        return event.block("Dest", destination);
    }

    private static EventBuilder header(String name, String privilege) {
        EventBuilder event = new EventBuilder();
        event.add("Event", name).add("Privilege", privilege);
        return event;
    }

    /** AmiMessage.Builder with Asterisk's channel snapshot block. */
    private static final class EventBuilder {
        private final AmiMessage.Builder message = AmiMessage.builder();

        EventBuilder add(String name, Object value) {
            message.add(name, value);
            return this;
        }

        EventBuilder block(String prefix, Channel channel) {
            channelBlock(message, prefix, channel);
            return this;
        }

        AmiMessage build() {
            return message.build();
        }
    }

    static void channelBlock(AmiMessage.Builder event, String prefix, Channel channel) {
        event.add(prefix + "Channel", channel.name())
                .add(prefix + "ChannelState", channel.state().code())
                .add(prefix + "ChannelStateDesc", channel.state().description())
                .add(prefix + "CallerIDNum", channel.callerIdNum())
                .add(prefix + "CallerIDName", channel.callerIdName())
                .add(prefix + "ConnectedLineNum", channel.connectedLineNum())
                .add(prefix + "ConnectedLineName", channel.connectedLineName())
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", channel.context())
                .add(prefix + "Exten", channel.exten())
                .add(prefix + "Priority", channel.priority())
                .add(prefix + "Uniqueid", channel.uniqueid())
                .add(prefix + "Linkedid", channel.linkedid());
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }
}
