package org.epicall.dialer.ami;

import java.util.Map;

import org.asteriskjava.manager.action.ManagerAction;

/**
 * An async Originate with only the fields the dialer sends. asterisk-java writes an action by
 * reflecting over all its public getters on every send; its {@code OriginateAction} has about forty,
 * which made building the action the dialer's largest cost per call. Public only because the
 * library's reflection needs it; not part of the dialer's API.
 */
public final class LeanOriginateAction implements ManagerAction {

    private static final long serialVersionUID = 1L;

    private String actionId;
    private final String channel;
    private final String context;
    private final Long timeout;
    private final String callerId;
    private final String channelId;
    private final Map<String, String> variable;

    LeanOriginateAction(OriginateCommand command, AmiServerConfig server) {
        this.actionId = command.actionId();
        this.channel = command.channel();
        this.context = server.context();
        this.timeout = command.timeout().toMillis();
        this.callerId = server.callerId();
        this.channelId = command.channelId();
        this.variable = command.variables();
    }

    @Override
    public String getAction() {
        return "Originate";
    }

    @Override
    public String getActionId() {
        return actionId;
    }

    @Override
    public void setActionId(String actionId) {
        this.actionId = actionId;
    }

    public String getChannel() {
        return channel;
    }

    public String getContext() {
        return context;
    }

    public String getExten() {
        return "s";
    }

    public Integer getPriority() {
        return 1;
    }

    public Long getTimeout() {
        return timeout;
    }

    public String getCallerId() {
        return callerId;
    }

    public String getChannelId() {
        return channelId;
    }

    public Boolean getAsync() {
        return Boolean.TRUE;
    }

    public Map<String, String> getVariable() {
        return variable;
    }
}
