package org.epicall.pbx.call;

import java.time.Instant;

/**
 * One simulated Asterisk channel. Mutated only by its call while holding the call's lock; readers on
 * other threads (CoreShowChannels) may see a slightly stale state, as with a real Asterisk.
 */
public final class Channel {

    private final String name;
    private final String uniqueid;
    private final String linkedid;
    private final String technology;
    private final Instant created;
    private volatile ChannelState state;
    private volatile String context;
    private volatile String exten;
    private volatile int priority;
    private volatile String callerIdNum = "<unknown>";
    private volatile String callerIdName = "<unknown>";
    private volatile String connectedLineNum = "<unknown>";
    private volatile String connectedLineName = "<unknown>";
    private volatile String application = "";
    private volatile String applicationData = "";
    private volatile boolean hungUp;

    Channel(String name, String uniqueid, String linkedid, String technology, ChannelState state,
            String context, String exten, int priority, Instant created) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.technology = technology;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.priority = priority;
        this.created = created;
    }

    public String name() {
        return name;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public String linkedid() {
        return linkedid;
    }

    /** {@code Local} or {@code PJSIP}: what AGI reports as {@code agi_type}. */
    public String technology() {
        return technology;
    }

    public Instant created() {
        return created;
    }

    public ChannelState state() {
        return state;
    }

    public String context() {
        return context;
    }

    public String exten() {
        return exten;
    }

    public int priority() {
        return priority;
    }

    public String callerIdNum() {
        return callerIdNum;
    }

    public String callerIdName() {
        return callerIdName;
    }

    public String connectedLineNum() {
        return connectedLineNum;
    }

    public String connectedLineName() {
        return connectedLineName;
    }

    public String application() {
        return application;
    }

    public String applicationData() {
        return applicationData;
    }

    public boolean hungUp() {
        return hungUp;
    }

    void state(ChannelState newState) {
        this.state = newState;
    }

    void location(String newContext, String newExten, int newPriority) {
        this.context = newContext;
        this.exten = newExten;
        this.priority = newPriority;
    }

    void callerId(String num, String nameOfCaller) {
        this.callerIdNum = num == null || num.isBlank() ? "<unknown>" : num;
        this.callerIdName = nameOfCaller == null || nameOfCaller.isBlank() ? "<unknown>" : nameOfCaller;
    }

    /** The party this channel is connected to, as NewConnectedLine announces it. */
    void connectedLine(String num, String nameOfParty) {
        this.connectedLineNum = num == null || num.isBlank() ? "<unknown>" : num;
        this.connectedLineName = nameOfParty == null || nameOfParty.isBlank() ? "<unknown>" : nameOfParty;
    }

    void application(String app, String data) {
        this.application = app;
        this.applicationData = data;
    }

    void markHungUp() {
        this.hungUp = true;
    }

    @Override
    public String toString() {
        return name;
    }
}
