package org.epicall.dialer.agi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * {@link CallChannel} over an asterisk-java {@link AgiChannel}.
 *
 * <p>Hangup is detected from the replies, not from return values: RECORD FILE answers
 * {@code result=-1 (hangup)} at once (asterisk-java's {@code recordFile} returns a meaningless
 * char), and any later command draws the unsolicited {@code HANGUP} line and a 511, which the
 * library throws as {@link AgiHangupException}. GET/SET VARIABLE still succeed on a dead channel,
 * so they prove nothing.
 *
 * <p>STREAM FILE answers {@code result=-1} both when the resident hangs up while it plays (with how far
 * it got, agi-26) and, at once with {@code endpos=0}, when the file does not exist (agi-23). To tell a
 * hangup in the first instant from a missing file, a {@code -1 endpos=0} is followed by ANSWER, which
 * Asterisk refuses on a dead channel (511) and does nothing on a live, answered one.
 */
final class AgiCallChannel implements CallChannel {

    private final AgiChannel channel;

    AgiCallChannel(AgiChannel channel) {
        this.channel = channel;
    }

    @Override
    public void answer() {
        run(channel::answer);
    }

    @Override
    public void play(String promptId) {
        run(() -> {
            channel.streamFile(promptId, "");
            AgiReply reply = channel.getLastReply();
            failOnDeadChannel(reply);
            if ("-1".equals(reply.getResult())) {
                if ("0".equals(reply.getAttribute("endpos")) && stillUp()) {
                    throw new PromptMissingException(promptId);
                }
                throw new CallHungUpException("resident hung up while " + promptId + " played", null);
            }
        });
    }

    /** ANSWER on an answered channel: 200 if it is still up, a hangup (511) if not. */
    private boolean stillUp() throws AgiException {
        try {
            channel.answer();
        } catch (AgiHangupException e) {
            return false;
        }
        AgiReply reply = channel.getLastReply();
        return reply != null && reply.getStatus() == AgiReply.SC_SUCCESS;
    }

    @Override
    public void setVariable(String name, String value) {
        run(() -> channel.setVariable(name, value));
    }

    @Override
    public String variable(String name) {
        String[] value = new String[1];
        run(() -> value[0] = channel.getVariable(name));
        return value[0];
    }

    @Override
    public String expand(String expression) {
        String[] value = new String[1];
        run(() -> value[0] = channel.getFullVariable(expression));
        return value[0] == null ? "" : value[0];
    }

    @Override
    public RecordEnd record(Path file, Duration max, Duration silence) {
        return record(file, max, silence, "#").end();
    }

    /** A key stopping the recording comes back as {@code 200 result=<its code> (dtmf)} (agi-25). */
    @Override
    public Recording record(Path file, Duration max, Duration silence, String escapeDigits) {
        Recording[] recording = new Recording[1];
        run(() -> {
            channel.recordFile(file.toString(), "wav", escapeDigits, (int) max.toMillis(), 0, false,
                    (int) Math.max(1, silence.toSeconds()));
            AgiReply reply = channel.getLastReply();
            failOnDeadChannel(reply);
            String extra = reply.getExtra();
            if ("writefile".equals(extra)) {
                throw new RecordingFailedException(file);
            }
            if ("hangup".equals(extra) || "-1".equals(reply.getResult())) {
                throw new CallHungUpException("resident hung up while recording " + file, null);
            }
            recording[0] = "dtmf".equals(extra)
                    ? new Recording(RecordEnd.DTMF, key(reply.getResult()))
                    : new Recording(RecordEnd.TIMEOUT, Optional.empty());
        });
        return recording[0];
    }

    private static Optional<Character> key(String result) {
        try {
            int code = Integer.parseInt(result.trim());
            return code > 0 && code < 128 ? Optional.of((char) code) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String readDigits(String promptId, Duration timeout, int maxDigits) {
        String[] digits = new String[1];
        run(() -> {
            String got = channel.getData(promptId, timeout.toMillis(), maxDigits);
            AgiReply reply = channel.getLastReply();
            failOnDeadChannel(reply);
            if ("-1".equals(reply.getResult())) {
                throw new CallHungUpException("resident hung up while entering digits", null);
            }
            digits[0] = got == null ? "" : got;
        });
        return digits[0];
    }

    @Override
    public Optional<Character> waitForDigit(Duration timeout) {
        char[] digit = new char[1];
        run(() -> {
            digit[0] = channel.waitForDigit((int) timeout.toMillis());
            AgiReply reply = channel.getLastReply();
            failOnDeadChannel(reply);
            if ("-1".equals(reply.getResult())) {
                throw new CallHungUpException("resident hung up while waiting for a digit", null);
            }
        });
        return digit[0] == 0 ? Optional.empty() : Optional.of(digit[0]);
    }

    @Override
    public void hangup() {
        run(channel::hangup);
    }

    private static void failOnDeadChannel(AgiReply reply) {
        if (reply != null && reply.getStatus() == AgiReply.SC_DEAD_CHANNEL) {
            throw new CallHungUpException("channel is dead (511)", null);
        }
    }

    private interface AgiAction {
        void run() throws AgiException;
    }

    private static void run(AgiAction action) {
        try {
            action.run();
        } catch (AgiHangupException e) {
            throw new CallHungUpException("resident hung up", e);
        } catch (AgiException e) {
            throw new CallFailedException("AGI command failed: " + e.getMessage(), e);
        }
    }
}
