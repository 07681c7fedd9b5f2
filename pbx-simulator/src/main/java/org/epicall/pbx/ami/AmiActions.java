package org.epicall.pbx.ami;

import org.epicall.pbx.call.CallEngine;
import org.epicall.pbx.call.Channel;
import org.epicall.pbx.call.HangupCause;
import org.epicall.pbx.call.LiveCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The AMI actions the simulator understands, with Asterisk 22's replies, error texts and required write
 * permissions. Called on each session's reader thread.
 */
final class AmiActions {

    private static final Logger log = LoggerFactory.getLogger(AmiActions.class);
    private static final Duration FAILED_LOGIN_DELAY = Duration.ofSeconds(1);

    private record Action(int authority, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        void handle(AmiSession session, AmiMessage request) throws InterruptedException;
    }

    private final AmiServer server;
    private final Map<String, AmiUser> users;
    private final CallEngine engine;
    private final AmiEventPublisher events;
    private final OriginateAction originate;
    private final Map<String, Action> actions;

    AmiActions(AmiServer server, List<AmiUser> userList, CallEngine engine, AmiEventPublisher events) {
        this.server = server;
        this.users = userList.stream().collect(Collectors.toUnmodifiableMap(
                u -> u.username().toLowerCase(Locale.ROOT), u -> u, (a, b) -> b));
        this.engine = engine;
        this.events = events;
        this.originate = new OriginateAction(engine, events);
        this.actions = Map.ofEntries(
                Map.entry("login", new Action(0, this::login)),
                Map.entry("challenge", new Action(0, this::challenge)),
                Map.entry("logoff", new Action(0, this::logoff)),
                Map.entry("ping", new Action(0, this::ping)),
                Map.entry("events", new Action(0, this::events)),
                Map.entry("originate", new Action(Privilege.ORIGINATE, originate::handle)),
                Map.entry("hangup", new Action(Privilege.SYSTEM | Privilege.CALL, this::hangup)),
                Map.entry("coreshowchannels", new Action(Privilege.SYSTEM | Privilege.REPORTING, this::coreShowChannels)),
                Map.entry("command", new Action(Privilege.COMMAND, this::command)),
                Map.entry("getvar", new Action(Privilege.CALL | Privilege.REPORTING, this::getVar)),
                Map.entry("setvar", new Action(Privilege.CALL, this::setVar)),
                Map.entry("coresettings", new Action(Privilege.SYSTEM | Privilege.REPORTING, this::coreSettings)),
                Map.entry("corestatus", new Action(Privilege.SYSTEM | Privilege.REPORTING, this::coreStatus)));
    }

    void handle(AmiSession session, AmiMessage request) throws InterruptedException {
        String name = request.get("Action");
        String actionId = request.get("ActionID");
        if (name == null || name.isBlank()) {
            session.send(error(actionId, "Missing action in request"));
            return;
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (!session.isAuthenticated() && !key.equals("login") && !key.equals("challenge") && !key.equals("logoff")) {
            session.send(error(actionId, "Permission denied"));
            return;
        }
        Action action = actions.get(key);
        if (action == null) {
            session.send(error(actionId, "Invalid/unknown command: " + name.trim()
                    + ". Use Action: ListCommands to show available commands."));
            return;
        }
        if (action.authority() != 0 && (session.writeMask() & action.authority()) == 0) {
            session.send(error(actionId, "Permission denied"));
            return;
        }
        action.handler().handle(session, request);
    }

    static AmiMessage error(String actionId, String message) {
        return AmiMessage.builder().add("Response", "Error").actionId(actionId).add("Message", message).build();
    }

    static AmiMessage success(String actionId, String message) {
        return AmiMessage.builder().add("Response", "Success").actionId(actionId).add("Message", message).build();
    }

    // ------------------------------------------------------------------ session

    private void login(AmiSession session, AmiMessage request) throws InterruptedException {
        String actionId = request.get("ActionID");
        if (session.isAuthenticated()) {
            session.send(success(actionId, "Already authenticated"));
            return;
        }
        String username = Optional.ofNullable(request.get("Username")).orElse("").trim();
        AmiUser user = users.get(username.toLowerCase(Locale.ROOT));
        if (user == null || !credentialsMatch(session, user, request)) {
            log.info("AMI login failed for user '{}' from {}", username, session.socket().getRemoteSocketAddress());
            // Asterisk sleeps a second before answering a failed login, then drops the connection.
            Thread.sleep(engine.timeScale().toWall(FAILED_LOGIN_DELAY));
            session.send(error(actionId, "Authentication failed"));
            session.closeAfterFlush();
            return;
        }
        String eventsHeader = request.get("Events");
        int eventMask = eventsHeader == null ? Privilege.ALL : eventMask(eventsHeader);
        session.authenticated(user, eventMask);
        session.send(success(actionId, "Authentication accepted"));
        if (eventMask != 0) {
            sendLoginEvents(session, user);
        }
    }

    private static boolean credentialsMatch(AmiSession session, AmiUser user, AmiMessage request) {
        String authType = request.get("AuthType");
        if (authType != null && authType.equalsIgnoreCase("md5")) {
            String key = request.get("Key");
            String challenge = session.challenge();
            return key != null && challenge != null && key.trim().equalsIgnoreCase(md5(challenge + user.secret()));
        }
        String secret = request.get("Secret");
        return secret != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                user.secret().getBytes(StandardCharsets.UTF_8));
    }

    private void sendLoginEvents(AmiSession session, AmiUser user) {
        long uptime = Duration.between(server.started(), Instant.now()).toSeconds();
        AmiMessage fullyBooted = AmiMessage.builder().add("Event", "FullyBooted").add("Privilege", "system,all")
                .add("Uptime", uptime).add("LastReload", uptime).add("Status", "Fully Booted").build();
        session.offerEvent(Privilege.SYSTEM, "FullyBooted", fullyBooted.toBytes());
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .withZone(ZoneOffset.UTC).format(Instant.now());
        AmiMessage successfulAuth = AmiMessage.builder().add("Event", "SuccessfulAuth")
                .add("Privilege", "security,all").add("EventTV", now).add("Severity", "Informational")
                .add("Service", "AMI").add("EventVersion", 1).add("AccountID", user.username())
                .add("SessionID", "0x" + Long.toHexString(session.id()))
                .add("LocalAddress", "IPV4/TCP/" + hostPort(session.socket().getLocalSocketAddress()))
                .add("RemoteAddress", "IPV4/TCP/" + hostPort(session.socket().getRemoteSocketAddress()))
                .add("UsingPassword", 0).add("SessionTV", now).build();
        session.offerEvent(Privilege.SECURITY, "SuccessfulAuth", successfulAuth.toBytes());
    }

    private static String hostPort(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + "/" + inet.getPort();
        }
        return String.valueOf(address);
    }

    private void challenge(AmiSession session, AmiMessage request) {
        String actionId = request.get("ActionID");
        String authType = request.get("AuthType");
        if (authType == null || !authType.equalsIgnoreCase("md5")) {
            session.send(error(actionId, "Must specify AuthType"));
            return;
        }
        if (session.challenge() == null) {
            session.challenge(String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L)));
        }
        session.send(AmiMessage.builder().add("Response", "Success").actionId(actionId)
                .add("Challenge", session.challenge()).build());
    }

    private void logoff(AmiSession session, AmiMessage request) {
        session.send(AmiMessage.builder().add("Response", "Goodbye").actionId(request.get("ActionID"))
                .add("Message", "Thanks for all the fish.").build());
        session.closeAfterFlush();
    }

    private void ping(AmiSession session, AmiMessage request) {
        Instant now = Instant.now();
        session.send(AmiMessage.builder().add("Response", "Success").actionId(request.get("ActionID"))
                .add("Ping", "Pong")
                .add("Timestamp", String.format(Locale.ROOT, "%d.%06d", now.getEpochSecond(), now.getNano() / 1000))
                .build());
    }

    private void events(AmiSession session, AmiMessage request) {
        String mask = Optional.ofNullable(request.get("EventMask")).orElse("");
        int events = eventMask(mask);
        session.eventMask(events);
        session.send(AmiMessage.builder().add("Response", "Success").actionId(request.get("ActionID"))
                .add("Events", events != 0 ? "On" : "Off").build());
    }

    private static int eventMask(String header) {
        String value = header.trim().toLowerCase(Locale.ROOT);
        if (value.equals("on") || value.equals("yes") || value.equals("true") || value.equals("1")) {
            return Privilege.ALL;
        }
        if (value.equals("off") || value.equals("no") || value.equals("false") || value.equals("0")
                || value.isEmpty()) {
            return 0;
        }
        return Privilege.parseLenient(value);
    }

    // ------------------------------------------------------------------ calls

    private void hangup(AmiSession session, AmiMessage request) {
        String actionId = request.get("ActionID");
        String name = request.get("Channel");
        if (name == null || name.isBlank()) {
            session.send(error(actionId, "No channel specified"));
            return;
        }
        HangupCause cause = HangupCause.NORMAL_CLEARING;
        String causeHeader = request.get("Cause");
        if (causeHeader != null && !causeHeader.isBlank()) {
            try {
                cause = HangupCause.ofCode(Integer.parseInt(causeHeader.trim()));
            } catch (NumberFormatException e) {
                session.send(error(actionId, "Invalid hangup cause '" + causeHeader.trim() + "'"));
                return;
            }
        }
        name = name.trim();
        if (name.length() > 2 && name.startsWith("/") && name.endsWith("/")) {
            hangupMatching(session, actionId, name.substring(1, name.length() - 1), cause);
            return;
        }
        if (engine.hangup(name, cause)) {
            session.send(success(actionId, "Channel Hungup"));
        } else {
            session.send(error(actionId, "No such channel"));
        }
    }

    private void hangupMatching(AmiSession session, String actionId, String regex, HangupCause cause) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            session.send(error(actionId, "Invalid regex"));
            return;
        }
        int count = 0;
        for (Channel channel : engine.channels()) {
            if (pattern.matcher(channel.name()).find() && engine.hangup(channel.name(), cause)) {
                count++;
            }
        }
        session.send(AmiMessage.builder().add("Response", "Success").actionId(actionId)
                .add("Message", "Channels hung up will follow").build());
        session.send(AmiMessage.builder().add("Event", "ChannelsHungupListComplete").actionId(actionId)
                .add("EventList", "Complete").add("ListItems", count).build());
    }

    private void coreShowChannels(AmiSession session, AmiMessage request) {
        String actionId = request.get("ActionID");
        session.send(AmiMessage.builder().add("Response", "Success").actionId(actionId)
                .add("EventList", "start").add("Message", "Channels will follow").build());
        List<Channel> channels = engine.channels();
        Instant now = Instant.now();
        for (Channel channel : channels) {
            AmiMessage.Builder event = AmiMessage.builder().add("Event", "CoreShowChannel").actionId(actionId);
            AmiEventPublisher.channelBlock(event, "", channel);
            long seconds = Duration.between(channel.created(), now).toSeconds();
            event.add("Application", channel.application()).add("ApplicationData", channel.applicationData())
                    .add("Duration", String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                            seconds % 60))
                    .add("BridgeId", "");
            session.send(event.build());
        }
        session.send(AmiMessage.builder().add("Event", "CoreShowChannelsComplete").actionId(actionId)
                .add("EventList", "Complete").add("ListItems", channels.size()).build());
    }

    private void command(AmiSession session, AmiMessage request) {
        String actionId = request.get("ActionID");
        String command = Optional.ofNullable(request.get("Command")).orElse("").trim().replaceAll("\\s+", " ");
        List<String> output = switch (command.toLowerCase(Locale.ROOT)) {
            case "core show channels count" -> List.of(
                    engine.channels().size() + " active channels",
                    engine.pbxThreads() + " active calls",
                    engine.callsProcessed() + " calls processed");
            case "core show version" -> List.of("Asterisk 22.10.1 built by epicall pbx-simulator");
            case "core show uptime" -> List.of("System uptime: "
                    + Duration.between(server.started(), Instant.now()).toSeconds() + " seconds");
            default -> null;
        };
        if (output == null) {
            String first = command.isEmpty() ? "" : command.split(" ")[0];
            session.send(AmiMessage.builder().add("Response", "Error").actionId(actionId)
                    .add("Message", "Command output follows")
                    .add("Output", "No such command '" + command + "' (type 'core show help " + first
                            + "' for other possible commands)")
                    .build());
            return;
        }
        AmiMessage.Builder response = AmiMessage.builder().add("Response", "Success").actionId(actionId)
                .add("Message", "Command output follows");
        output.forEach(line -> response.add("Output", line));
        session.send(response.build());
    }

    private void getVar(AmiSession session, AmiMessage request) {
        String actionId = request.get("ActionID");
        String variable = request.get("Variable");
        if (variable == null || variable.isBlank()) {
            session.send(error(actionId, "No variable specified"));
            return;
        }
        String channelName = request.get("Channel");
        String value = "";
        if (channelName != null && !channelName.isBlank()) {
            Optional<LiveCall> call = engine.call(channelName.trim());
            if (call.isEmpty()) {
                session.send(error(actionId, "No such channel"));
                return;
            }
            value = call.get().variable(variable.trim()).orElse("");
        }
        session.send(AmiMessage.builder().add("Response", "Success").actionId(actionId)
                .add("Variable", variable.trim()).add("Value", value).build());
    }

    private void setVar(AmiSession session, AmiMessage request) {
        String actionId = request.get("ActionID");
        String variable = request.get("Variable");
        if (variable == null || variable.isBlank()) {
            session.send(error(actionId, "No variable specified"));
            return;
        }
        String channelName = request.get("Channel");
        if (channelName == null || channelName.isBlank()) {
            session.send(success(actionId, "Variable Set"));
            return;
        }
        Optional<LiveCall> call = engine.call(channelName.trim());
        if (call.isEmpty()) {
            session.send(error(actionId, "No such channel"));
            return;
        }
        call.get().setVariable(variable.trim(), Optional.ofNullable(request.get("Value")).orElse(""));
        session.send(success(actionId, "Variable Set"));
    }

    private void coreSettings(AmiSession session, AmiMessage request) {
        session.send(AmiMessage.builder().add("Response", "Success").actionId(request.get("ActionID"))
                .add("AMIversion", "11.0.0").add("AsteriskVersion", "22.10.1").add("SystemName", "")
                .add("CoreMaxCalls", 0).add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "asterisk")
                .add("CoreRunGroup", "asterisk").add("CoreMaxFilehandles", 0).add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "No").add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No")
                .build());
    }

    private void coreStatus(AmiSession session, AmiMessage request) {
        Instant started = server.started();
        session.send(AmiMessage.builder().add("Response", "Success").actionId(request.get("ActionID"))
                .add("CoreStartupDate", LocalDate.ofInstant(started, ZoneOffset.UTC))
                .add("CoreStartupTime", LocalTime.ofInstant(started, ZoneOffset.UTC)
                        .withNano(0))
                .add("CoreReloadDate", LocalDate.ofInstant(started, ZoneOffset.UTC))
                .add("CoreReloadTime", LocalTime.ofInstant(started, ZoneOffset.UTC)
                        .withNano(0))
                .add("CoreCurrentCalls", engine.pbxThreads())
                .add("CoreProcessedCalls", engine.callsProcessed())
                .build());
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
