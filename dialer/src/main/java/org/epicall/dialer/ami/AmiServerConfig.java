package org.epicall.dialer.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Asterisk server and how to place calls on it.
 *
 * @param name         unique name, reported in {@code AttemptResult.server}
 * @param host         AMI host
 * @param port         AMI port (Asterisk's default is 5038)
 * @param username     AMI user from manager.conf (needs {@code read=call,agi}, {@code write=originate})
 * @param secret       its secret
 * @param maxChannels  concurrent calls this server may carry
 * @param trunk        the trunk its calls go out on (pacing caps trunks across servers)
 * @param dialTemplate Originate {@code Channel}, with {@code {number}} replaced by the E.164 number
 *                     and {@code {digits}} by its digits only, e.g. {@code PJSIP/{digits}@carrier}
 * @param context      dialplan context whose {@code s} extension runs the survey AGI
 * @param callerId     caller id shown to residents, e.g. {@code "Health Office" <1339>}
 * @param keepAlive    interval between AMI Pings
 */
public record AmiServerConfig(String name, String host, int port, String username, String secret,
        int maxChannels, String trunk, String dialTemplate, String context, String callerId,
        Duration keepAlive) {

    public AmiServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(dialTemplate, "dialTemplate");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server " + name + ": AMI port must be 1..65535, was " + port);
        }
        if (maxChannels < 1) {
            throw new IllegalArgumentException("server " + name + ": max channels must be >= 1, was " + maxChannels);
        }
        if (!dialTemplate.contains("{number}") && !dialTemplate.contains("{digits}")) {
            throw new IllegalArgumentException("server " + name + ": dial template '" + dialTemplate
                    + "' must contain {number} or {digits}");
        }
    }

    /** A server with the survey context, a 5 s keep-alive and the given dial template. */
    public static AmiServerConfig of(String name, String host, int port, String username, String secret,
            int maxChannels, String dialTemplate) {
        return new AmiServerConfig(name, host, port, username, secret, maxChannels, name, dialTemplate,
                "survey", "\"epicall\" <1000>", Duration.ofSeconds(5));
    }

    /** The same server with another interval between keep-alive Pings. */
    public AmiServerConfig withKeepAlive(Duration interval) {
        return new AmiServerConfig(name, host, port, username, secret, maxChannels, trunk, dialTemplate, context, callerId,
                interval);
    }

    /** The Originate {@code Channel} for a number. */
    public String dialString(String e164) {
        return dialTemplate.replace("{number}", e164).replace("{digits}", e164.replaceAll("[^0-9]", ""));
    }
}
