package org.epicall.dialer.ami;

import java.time.Duration;
import java.util.Map;

/**
 * An asynchronous Originate.
 *
 * @param actionId  our ActionID; comes back on the queued response and the OriginateResponse
 * @param channelId the Uniqueid Asterisk gives the new channel; comes back as OriginateResponse
 *                  Uniqueid even on failure, and on the channel's Hangup
 * @param channel   the dial string
 * @param timeout   how long to let it ring
 * @param variables channel variables, e.g. {@code EPICALL_ATTEMPT}
 */
public record OriginateCommand(String actionId, String channelId, String channel, Duration timeout,
        Map<String, String> variables) {

    public OriginateCommand {
        variables = Map.copyOf(variables);
    }
}
