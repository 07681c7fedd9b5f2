package org.epicall.pbx.ami;

import org.epicall.pbx.call.CallListener;
import org.epicall.pbx.call.Channel;
import org.epicall.pbx.call.HangupCause;
import org.epicall.pbx.call.OriginateRequest;
import org.epicall.pbx.call.OriginateResult;

/**
 * Turns channel happenings into the AMI events a dialer relies on, with the fields and privileges of the
 * reference transcripts: Newchannel, Newstate, DialBegin, DialEnd, HangupRequest, Hangup, VarSet and
 * OriginateResponse. Other events Asterisk emits for the same call (Newexten, NewCallerid, NewConnectedLine,
 * LocalBridge, DeviceStateChange, DialState, SoftHangupRequest, AGIExecStart/End, DTMFBegin/End) are not
 * simulated. Thread-safe.
 */
final class AmiEventPublisher implements CallListener {

    private final AmiServer server;

    AmiEventPublisher(AmiServer server) {
        this.server = server;
    }

    @Override
    public void newChannel(Channel channel) {
        AmiMessage.Builder event = AmiMessage.builder().add("Event", "Newchannel").add("Privilege", "call,all");
        channelBlock(event, "", channel, true);
        server.broadcast(Privilege.CALL, event.build());
    }

    @Override
    public void newState(Channel channel) {
        AmiMessage.Builder event = AmiMessage.builder().add("Event", "Newstate").add("Privilege", "call,all");
        channelBlock(event, "", channel, false);
        server.broadcast(Privilege.CALL, event.build());
    }

    @Override
    public void dialBegin(Channel caller, Channel destination, String dialString) {
        AmiMessage.Builder event = AmiMessage.builder().add("Event", "DialBegin").add("Privilege", "call,all");
        if (caller != null) {
            channelBlock(event, "", caller, false);
        }
        channelBlock(event, "Dest", destination, false);
        event.add("DialString", dialString);
        server.broadcast(Privilege.CALL, event.build());
    }

    @Override
    public void dialEnd(Channel caller, Channel destination, String dialStatus) {
        AmiMessage.Builder event = AmiMessage.builder().add("Event", "DialEnd").add("Privilege", "call,all");
        if (caller != null) {
            channelBlock(event, "", caller, false);
        }
        channelBlock(event, "Dest", destination, false);
        event.add("DialStatus", dialStatus);
        server.broadcast(Privilege.CALL, event.build());
    }

    @Override
    public void hangupRequest(Channel channel, HangupCause cause) {
        AmiMessage.Builder event = AmiMessage.builder().add("Event", "HangupRequest").add("Privilege", "call,all");
        channelBlock(event, "", channel, false);
        event.add("Cause", cause.code());
        server.broadcast(Privilege.CALL, event.build());
    }

    @Override
    public void hangup(Channel channel, HangupCause cause) {
        AmiMessage.Builder event = AmiMessage.builder().add("Event", "Hangup").add("Privilege", "call,all");
        channelBlock(event, "", channel, false);
        event.add("Cause", cause.code()).add("Cause-txt", cause.text());
        server.broadcast(Privilege.CALL, event.build());
    }

    @Override
    public void varSet(Channel channel, String variable, String value) {
        AmiMessage.Builder event = AmiMessage.builder().add("Event", "VarSet").add("Privilege", "dialplan,all");
        channelBlock(event, "", channel, false);
        event.add("Variable", variable).add("Value", value);
        server.broadcast(Privilege.DIALPLAN, event.build());
    }

    /** OriginateResponse, broadcast to every session reading {@code call}, as Asterisk does. */
    void originateResponse(String actionId, OriginateRequest request, OriginateResult result) {
        AmiMessage.Builder event = AmiMessage.builder()
                .add("Event", "OriginateResponse")
                .add("Privilege", "call,all")
                .actionId(actionId)
                .add("Response", result.success() ? "Success" : "Failure")
                .add("Channel", result.channel());
        if (request.application() != null) {
            event.add("Application", request.application()).add("Data", request.data());
        } else {
            event.add("Context", request.context()).add("Exten", request.exten());
        }
        event.add("Reason", result.reason().code())
                .add("Uniqueid", result.uniqueid())
                .add("CallerIDNum", orUnknown(request.callerIdNum()))
                .add("CallerIDName", orUnknown(request.callerIdName()));
        server.broadcast(Privilege.CALL, event.build());
    }

    static void channelBlock(AmiMessage.Builder event, String prefix, Channel channel, boolean fresh) {
        String num = fresh ? "<unknown>" : channel.callerIdNum();
        String name = fresh ? "<unknown>" : channel.callerIdName();
        event.add(prefix + "Channel", channel.name())
                .add(prefix + "ChannelState", channel.state().code())
                .add(prefix + "ChannelStateDesc", channel.state().description())
                .add(prefix + "CallerIDNum", num)
                .add(prefix + "CallerIDName", name)
                .add(prefix + "ConnectedLineNum", num)
                .add(prefix + "ConnectedLineName", name)
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
