package org.epicall.pbx.ami;

import org.epicall.pbx.call.CallEngine;
import org.epicall.pbx.call.OriginateRequest;
import org.epicall.pbx.call.OriginateResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * AMI Originate: validates the request with Asterisk's error texts, then either answers at once
 * ("Originate successfully queued") and later broadcasts OriginateResponse (Async: true), or answers only
 * when the call is answered or has failed (Async: false), with no OriginateResponse event (ami-08, ami-09),
 * holding up the session's later actions meanwhile, as Asterisk does.
 */
final class OriginateAction {

    /** Applications a user without the {@code system} write class may not originate to (ami-19). */
    private static final Set<String> PRIVILEGED_APPS = Set.of("system", "exec", "trysystem", "mixmonitor", "eval");

    private static final Duration SYNC_MARGIN = Duration.ofSeconds(30);

    private final CallEngine engine;
    private final AmiEventPublisher events;

    OriginateAction(CallEngine engine, AmiEventPublisher events) {
        this.engine = engine;
        this.events = events;
    }

    void handle(AmiSession session, AmiMessage request) throws InterruptedException {
        String actionId = request.get("ActionID");
        String channel = trimmed(request.get("Channel"));
        if (channel == null) {
            session.send(AmiActions.error(actionId, "Channel not specified"));
            return;
        }
        if (channel.indexOf('/') <= 0) {
            session.send(AmiActions.error(actionId, "Invalid channel"));
            return;
        }
        String application = trimmed(request.get("Application"));
        String context = trimmed(request.get("Context"));
        String exten = trimmed(request.get("Exten"));
        int priority = 1;
        String priorityHeader = trimmed(request.get("Priority"));
        if (priorityHeader != null) {
            try {
                priority = Integer.parseInt(priorityHeader);
            } catch (NumberFormatException e) {
                session.send(AmiActions.error(actionId, "Invalid priority"));
                return;
            }
        }
        Duration timeout = OriginateRequest.DEFAULT_TIMEOUT;
        String timeoutHeader = trimmed(request.get("Timeout"));
        if (timeoutHeader != null) {
            try {
                timeout = Duration.ofMillis(Math.max(0, Long.parseLong(timeoutHeader)));
            } catch (NumberFormatException e) {
                session.send(AmiActions.error(actionId, "Invalid timeout"));
                return;
            }
        }
        if (application != null) {
            if ((session.writeMask() & Privilege.SYSTEM) == 0
                    && PRIVILEGED_APPS.contains(application.toLowerCase(Locale.ROOT))) {
                session.send(AmiActions.error(actionId, "Originate Access Forbidden: app or data blacklisted"));
                return;
            }
        } else if (context == null || exten == null || priorityHeader == null) {
            session.send(AmiActions.error(actionId, "Originate with 'Exten' requires 'Context' and 'Priority'"));
            return;
        }
        String[] callerId = parseCallerId(trimmed(request.get("CallerID")));
        OriginateRequest originate = new OriginateRequest(channel, application == null ? context : null,
                application == null ? exten : null, priority, application, request.get("Data"), timeout,
                callerId[1], callerId[0], variables(request), trimmed(request.get("ChannelId")));
        boolean async = isTrue(request.get("Async"));
        if (async) {
            session.send(AmiActions.success(actionId, "Originate successfully queued"));
            engine.originate(originate, result -> events.originateResponse(actionId, originate, result));
        } else {
            // Asterisk runs a synchronous Originate on the session's own thread: the session answers nothing
            // else until the call is answered or has failed.
            Duration wait = engine.timeScale().toWall(timeout).plus(SYNC_MARGIN);
            try {
                session.send(syncResponse(actionId,
                        engine.originate(originate, result -> { }).get(wait.toNanos(), TimeUnit.NANOSECONDS)));
            } catch (TimeoutException | ExecutionException e) {
                session.send(AmiActions.error(actionId, "Originate failed"));
            }
        }
    }

    private static AmiMessage syncResponse(String actionId, OriginateResult result) {
        return result.success()
                ? AmiActions.success(actionId, "Originate successfully queued")
                : AmiActions.error(actionId, "Originate failed");
    }

    /** {@code Variable: A=1} headers, each possibly holding several comma-separated assignments. */
    private static Map<String, String> variables(AmiMessage request) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String header : request.getAll("Variable")) {
            for (String assignment : header.split(",")) {
                int equals = assignment.indexOf('=');
                if (equals > 0) {
                    variables.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
                }
            }
        }
        return variables;
    }

    /** {@code "Survey Dialer" <1000>} as {name, number}; either may be null. */
    static String[] parseCallerId(String callerId) {
        if (callerId == null) {
            return new String[] {null, null};
        }
        int open = callerId.lastIndexOf('<');
        int close = callerId.lastIndexOf('>');
        if (open >= 0 && close > open) {
            String name = callerId.substring(0, open).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            String number = callerId.substring(open + 1, close).trim();
            return new String[] {name.isEmpty() ? null : name, number.isEmpty() ? null : number};
        }
        if (callerId.chars().allMatch(c -> Character.isDigit(c) || c == '+' || c == '*' || c == '#')) {
            return new String[] {null, callerId};
        }
        return new String[] {callerId.replace("\"", ""), null};
    }

    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("1") || v.equals("on") || v.equals("y")
                || v.equals("t");
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
