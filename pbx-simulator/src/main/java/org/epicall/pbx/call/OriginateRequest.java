package org.epicall.pbx.call;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An Originate as the AMI client asked for it.
 *
 * @param channel      dial string, e.g. {@code Local/+41790000001@residents} or {@code PJSIP/+41790000001@trunk}
 * @param context      dialplan context for the answered channel, or null when {@code application} is set
 * @param exten        extension in {@code context}
 * @param priority     priority in {@code context}
 * @param application  application to run on answer instead of a context, or null
 * @param data         the application's argument, or empty
 * @param timeout      how long the far end may ring before the Originate gives up (simulated time)
 * @param callerIdNum  caller number, or null
 * @param callerIdName caller name, or null
 * @param variables    channel variables from {@code Variable:} headers, in order
 * @param channelId    the Uniqueid to give the channel, or null for a generated one
 */
public record OriginateRequest(String channel, String context, String exten, int priority,
                               String application, String data, Duration timeout,
                               String callerIdNum, String callerIdName,
                               Map<String, String> variables, String channelId) {

    /** Asterisk's default when an Originate has no Timeout header. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public OriginateRequest {
        Objects.requireNonNull(channel, "channel");
        variables = Map.copyOf(variables);
        data = data == null ? "" : data;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
