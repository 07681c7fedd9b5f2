package org.epicall.pbx.agi;

import org.epicall.pbx.audio.Pcm;
import org.epicall.pbx.call.Amd;
import org.epicall.pbx.call.Channel;
import org.epicall.pbx.call.ChannelVariables;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.LiveCall;
import org.epicall.pbx.net.LineReader;
import org.epicall.pbx.resident.ResidentConversation;
import org.epicall.pbx.sound.Sounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Asterisk side of one FastAGI connection: connects to the dialer's server, sends the {@code agi_*}
 * environment, then answers commands one at a time as Asterisk 22 does (agi-01, agi-06, agi-15). Runs on a
 * virtual thread of its own; the resident's hangup may arrive from another thread at any time.
 *
 * <p>Once the channel is hung up (by the resident, an AMI Hangup or the AGI HANGUP command) the session writes
 * one unsolicited {@code HANGUP} line, at once if it is waiting for a command or else right after the reply in
 * progress; from then on only the commands Asterisk allows on a dead channel run, the rest get 511. The channel
 * goes away when the AGI server closes the socket.
 *
 * <p>Each command is announced with AGIExecStart and AGIExecEnd; a command that fails on a live channel (a missing
 * sound file, an unwritable recording) answers {@code result=-1} at once and leaves AGISTATUS FAILURE (agi-23,
 * agi-24).
 */
final class AgiSession {

    private static final Logger log = LoggerFactory.getLogger(AgiSession.class);
    private static final int MAX_LINE = 8192;
    private static final AtomicLong THREAD_IDS = new AtomicLong(139_933_958_842_048L);
    static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine\n";
    static final String UNKNOWN = "510 Invalid or unknown command\n";
    /** A prompt reading an answer back for confirmation is named {@code <question>-confirm-<value>}. */
    private static final String CONFIRM = "-confirm-";

    /** How long a simulated key press lasts (DTMFEnd DurationMs; Asterisk's SendDTMF default). */
    private static final Duration KEY_LENGTH = Duration.ofMillis(100);

    private final LiveCall call;
    private final Dialplan.Agi step;
    private final AgiSettings settings;
    private final Sounds sounds;
    private final ResidentConversation conversation;
    private final RecordFileCommand recordFile;
    private final Object writeLock = new Object();
    private volatile Socket socket;
    private volatile boolean aborted;
    private OutputStream out;
    private boolean executing;
    private boolean hangupSent;
    private boolean closed;

    private final AtomicInteger connectedSessions;

    AgiSession(LiveCall call, Dialplan.Agi step, AgiSettings settings, AtomicInteger connectedSessions) {
        this.connectedSessions = connectedSessions;
        this.call = call;
        this.step = step;
        this.settings = settings;
        this.sounds = settings.sounds();
        this.conversation = new ResidentConversation(call.resident());
        this.recordFile = new RecordFileCommand(call, conversation, settings);
    }

    void run() {
        boolean connected = false;
        try (Socket s = new Socket()) {
            socket = s;
            if (aborted) {
                return;
            }
            try {
                s.connect(new InetSocketAddress(step.url().getHost(), step.port()),
                        (int) settings.connectTimeout().toMillis());
            } catch (IOException e) {
                log.debug("FastAGI server {} unreachable: {}", step.url(), e.toString());
                return;
            }
            connected = true;
            connectedSessions.incrementAndGet();
            s.setTcpNoDelay(true);
            out = s.getOutputStream();
            write(environment());
            call.onHangup(() -> Thread.ofVirtual().start(this::channelHungUp));
            commandLoop(s.getInputStream());
        } catch (IOException e) {
            log.debug("FastAGI connection for {} ended: {}", call.channel(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("FastAGI session for {} failed", call.channel(), e);
        } finally {
            synchronized (writeLock) {
                closed = true;
            }
            if (connected) {
                connectedSessions.decrementAndGet();
            }
            call.surveyEnded(!connected);
        }
    }

    /** Drops the connection (the simulator is stopping); the session ends as if the server had closed it. */
    void close() {
        aborted = true;
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.debug("closing FastAGI socket", e);
            }
        }
    }

    private String environment() {
        Channel channel = call.channel();
        String callerNum = channel.callerIdNum().equals("<unknown>") ? "unknown" : channel.callerIdNum();
        String callerName = channel.callerIdName().equals("<unknown>") ? "unknown" : channel.callerIdName();
        return "agi_network: yes\n"
                + "agi_network_script: " + step.script() + "\n"
                + "agi_request: " + step.url() + "\n"
                + "agi_channel: " + channel.name() + "\n"
                + "agi_language: en\n"
                + "agi_type: " + channel.technology() + "\n"
                + "agi_uniqueid: " + channel.uniqueid() + "\n"
                + "agi_version: 22.10.1\n"
                + "agi_callerid: " + callerNum + "\n"
                + "agi_calleridname: " + callerName + "\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: unknown\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: " + channel.context() + "\n"
                + "agi_extension: " + channel.exten() + "\n"
                + "agi_priority: " + channel.priority() + "\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: " + THREAD_IDS.getAndAdd(512) + "\n"
                + "\n";
    }

    private void commandLoop(InputStream in) throws IOException, InterruptedException {
        LineReader reader = new LineReader(in, MAX_LINE);
        while (reader.next()) {
            String line = reader.text();
            synchronized (writeLock) {
                executing = true;
            }
            long commandId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            call.agiExecStart(commandId, line);
            AgiCommandLine parsed = AgiCommandLine.parse(line);
            String reply;
            try {
                reply = execute(parsed);
            } catch (RuntimeException e) {
                log.error("AGI command '{}' failed on {}", line, call.channel(), e);
                reply = "200 result=-1\n";
            }
            announceEnd(commandId, line, AgiCommand.find(parsed), reply);
            synchronized (writeLock) {
                writeLocked(reply);
                executing = false;
                if (call.isDead() && !hangupSent) {
                    hangupSent = true;
                    writeLocked("HANGUP\n");
                }
            }
        }
    }

    /** AGIExecEnd with the ResultCode and Result Asterisk gives this reply. */
    private void announceEnd(long commandId, String line, AgiCommand command, String reply) {
        if (reply.startsWith("510")) {
            call.agiExecEnd(commandId, line, 510, "Invalid or unknown command");
        } else if (reply.startsWith("511")) {
            call.agiExecEnd(commandId, line, 511, DEAD.substring(4).trim());
        } else if (reply.startsWith("520")) {
            call.agiExecEnd(commandId, line, 520, "Usage");
        } else if (reply.startsWith("200 result=-1") && command != null && command.failsWithMinusOne()) {
            call.agiExecEnd(commandId, line, -1, "Failure");
        } else {
            call.agiExecEnd(commandId, line, 200, "Success");
        }
    }

    private void channelHungUp() {
        synchronized (writeLock) {
            if (!executing && !hangupSent && !closed) {
                hangupSent = true;
                writeLocked("HANGUP\n");
            }
        }
    }

    private void write(String text) throws IOException {
        synchronized (writeLock) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private void writeLocked(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            log.debug("FastAGI write to {} failed: {}", step.url(), e.toString());
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing; the reader will see the closed socket
            }
        }
    }

    // ------------------------------------------------------------------ commands

    private String execute(AgiCommandLine line) throws InterruptedException {
        AgiCommand command = AgiCommand.find(line);
        if (command == null) {
            return UNKNOWN;
        }
        if (call.isDead() && !command.allowedOnDeadChannel()) {
            return DEAD;
        }
        if (!command.syntaxOk(line)) {
            return AgiUsage.reply(command);
        }
        return switch (command) {
            case ANSWER, NOOP, SET_MUSIC, SET_AUTOHANGUP -> "200 result=0\n";
            case SET_CALLERID, VERBOSE -> "200 result=1\n";
            case CHANNEL_STATUS -> "200 result=" + (call.isDead() ? -1 : call.channel().state().code()) + "\n";
            case GET_VARIABLE -> ChannelVariables.get(call, line.arg(2))
                    .map(value -> "200 result=1 (" + value + ")\n").orElse("200 result=0\n");
            case GET_FULL_VARIABLE -> "200 result=1 (" + ChannelVariables.expand(call, line.arg(3)) + ")\n";
            case SET_VARIABLE -> {
                call.setVariable(line.arg(2), line.arg(3));
                yield "200 result=1\n";
            }
            case HANGUP -> hangup(line);
            case STREAM_FILE, CONTROL_STREAM_FILE -> stream(line.arg(2));
            case SAY_DIGITS, SAY_ALPHA, SAY_NUMBER -> play(Duration.ofMillis(400L * line.arg(2).length()), "0", false);
            case EXEC -> exec(line);
            case WAIT_FOR_DIGIT -> waitForDigit(parseMillis(line.arg(3), -1));
            case GET_OPTION -> getOption(line);
            case GET_DATA -> getData(line);
            case RECORD_FILE -> recordFile.execute(line);
        };
    }

    private String hangup(AgiCommandLine line) {
        if (line.argc() == 2 && !line.arg(1).equals(call.channel().name())) {
            return "200 result=-1\n";
        }
        call.hangupBySurvey();
        return "200 result=1\n";
    }

    /**
     * STREAM FILE: a missing file answers {@code result=-1 endpos=0} at once (agi-23); a hangup while it plays
     * answers {@code result=-1} with how far it got (agi-26). PLAYBACKSTATUS says how it went.
     */
    private String stream(String name) throws InterruptedException {
        Optional<Duration> length = sounds.length(name);
        if (length.isEmpty()) {
            log.warn("File {} does not exist in any format", name);
            return "200 result=-1 endpos=0\n";
        }
        String reply = play(length.get(), "0", true);
        call.setVariable("PLAYBACKSTATUS", reply.startsWith("200 result=-1") ? "FAILED" : "SUCCESS");
        return reply;
    }

    /** How long a prompt of GET DATA or GET OPTION plays: nothing if the file is missing (Asterisk skips it). */
    private Duration prompt(String name) {
        return sounds.length(name).orElse(Duration.ZERO);
    }

    private String play(Duration length, String result, boolean withEndpos) throws InterruptedException {
        long started = System.nanoTime();
        if (call.awaitHangup(length)) {
            long samples = Pcm.samplesIn(call.timeScale().toSimulated(Duration.ofNanos(System.nanoTime() - started)));
            return withEndpos ? "200 result=-1 endpos=" + samples + "\n" : "200 result=-1\n";
        }
        return withEndpos
                ? "200 result=" + result + " endpos=" + Pcm.samplesIn(length) + "\n"
                : "200 result=" + result + "\n";
    }

    private String exec(AgiCommandLine line) throws InterruptedException {
        String application = line.arg(1);
        String data = line.argc() > 2 ? line.arg(2) : "";
        if (application.equalsIgnoreCase("Playback")) {
            Optional<Duration> length = sounds.length(data.split(",")[0]);
            if (length.isEmpty()) {
                log.warn("File {} does not exist in any format", data);
                call.setVariable("PLAYBACKSTATUS", "FAILED");
                return "200 result=0\n";
            }
            String reply = play(length.get(), "0", false);
            call.setVariable("PLAYBACKSTATUS", reply.contains("-1") ? "FAILED" : "SUCCESS");
            return reply.contains("-1") ? "200 result=-1\n" : "200 result=0\n";
        }
        if (application.equalsIgnoreCase("AMD")) {
            Amd amd = Amd.of(call.resident());
            if (call.awaitHangup(amd.listened())) {
                return "200 result=-1\n";
            }
            call.setVariable("AMDSTATUS", amd.status());
            call.setVariable("AMDCAUSE", amd.cause());
            return "200 result=0\n";
        }
        if (application.equalsIgnoreCase("Wait")) {
            return call.awaitHangup(Duration.ofMillis((long) (parseDouble(data) * 1000))) ? "200 result=-1\n"
                    : "200 result=0\n";
        }
        if (application.equalsIgnoreCase("Hangup")) {
            call.hangupBySurvey();
            return "200 result=-1\n";
        }
        if (application.equalsIgnoreCase("Set")) {
            int equals = data.indexOf('=');
            if (equals > 0) {
                call.setVariable(data.substring(0, equals), data.substring(equals + 1));
            }
            return "200 result=0\n";
        }
        if (application.equalsIgnoreCase("NoOp") || application.equalsIgnoreCase("Answer")
                || application.equalsIgnoreCase("Verbose")) {
            return "200 result=0\n";
        }
        return "200 result=-2\n";
    }

    private String waitForDigit(long timeoutMs) throws InterruptedException {
        Optional<Character> digit = nextDigit();
        Duration timeout = timeoutMs < 0 ? null : Duration.ofMillis(timeoutMs);
        if (digit.isPresent() && (timeout == null || settings.keypressDelay().compareTo(timeout) < 0)) {
            if (call.awaitHangup(settings.keypressDelay())) {
                return "200 result=-1\n";
            }
            call.keyPressed(digit.get(), KEY_LENGTH);
            conversation.pressed(1);
            return "200 result=" + (int) digit.get() + "\n";
        }
        if (timeout == null) {
            call.awaitHangup(Duration.ofDays(1));
            return "200 result=-1\n";
        }
        return call.awaitHangup(timeout) ? "200 result=-1\n" : "200 result=0\n";
    }

    private String getOption(AgiCommandLine line) throws InterruptedException {
        if (play(prompt(line.arg(2)), "0", false).contains("-1")) {
            return "200 result=-1 endpos=0\n";
        }
        long timeoutMs = line.argc() > 4 ? parseMillis(line.arg(4), 5000) : 5000;
        String reply = waitForDigit(timeoutMs);
        return reply.trim() + " endpos=0\n";
    }

    private String getData(AgiCommandLine line) throws InterruptedException {
        if (play(prompt(line.arg(2)), "0", false).contains("-1")) {
            return "200 result=-1\n";
        }
        long timeoutMs = line.argc() > 3 ? parseMillis(line.arg(3), 5000) : 5000;
        int maxDigits = line.argc() > 4 ? (int) parseMillis(line.arg(4), 1024) : 1024;
        String digits = keypadDigits();
        int readBack = line.arg(2).lastIndexOf(CONFIRM);
        if (readBack >= 0 && call.resident().behaviour().pressesKeys()) {
            // The dialer reads an answer back ("…-confirm-37.5"): 1 if that is what the resident meant, else 2.
            String named = call.variable(ResidentConversation.QUESTION_VARIABLE).orElse(null);
            digits = conversation.confirms(named, line.arg(2).substring(readBack + CONFIRM.length())) ? "1" : "2";
        }
        if (!digits.isEmpty()) {
            Duration typing = settings.keypressDelay().multipliedBy(Math.min(digits.length(), maxDigits));
            if (call.awaitHangup(typing)) {
                return "200 result=-1\n";
            }
            String typed = digits.substring(0, Math.min(digits.length(), Math.max(maxDigits, 0)));
            typed.chars().forEach(key -> call.keyPressed((char) key, KEY_LENGTH));
            if (readBack < 0) {
                conversation.pressed(typed.length());
            }
            return "200 result=" + typed.replace("#", "") + "\n";
        }
        return call.awaitHangup(Duration.ofMillis(Math.max(timeoutMs, 0))) ? "200 result=-1\n"
                : "200 result= (timeout)\n";
    }

    private Optional<Character> nextDigit() {
        String digits = keypadDigits();
        return digits.isEmpty() ? Optional.empty() : Optional.of(digits.charAt(0));
    }

    private String keypadDigits() {
        if (!call.resident().behaviour().pressesKeys()) {
            return "";
        }
        String named = call.variable(ResidentConversation.QUESTION_VARIABLE).orElse(null);
        return conversation.keysLeft(named);
    }

    static long parseMillis(String text, long fallback) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
