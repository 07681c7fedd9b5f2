package org.epicall.pbx.agi;

import org.epicall.pbx.audio.Pcm;
import org.epicall.pbx.audio.Wav;
import org.epicall.pbx.call.LiveCall;
import org.epicall.pbx.resident.Answer;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.ResidentConversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code RECORD FILE <file> <format> <escape digits> <timeout> [offset] [BEEP] [s=<silence>]}: writes what the
 * resident says to {@code <file>.<format>} and replies as Asterisk 22 does:
 * <ul>
 *   <li>{@code 200 result=<ms left> (timeout) endpos=<samples>} when silence detection or the timeout ends it;
 *       after silence detection the file keeps one second of the trailing silence, as res_agi rewinds it;</li>
 *   <li>{@code 200 result=<digit code> (dtmf) endpos=<samples>} when a keypad-only resident presses an escape digit;</li>
 *   <li>{@code 200 result=-1 (hangup) endpos=<samples>} when the resident hangs up, keeping what was said;</li>
 *   <li>{@code 200 result=-1 (writefile)}, at once, when the file cannot be created: no such directory, a
 *       directory the Asterisk user may not write ({@link AsteriskUser}), an unknown format (agi-24).</li>
 * </ul>
 */
final class RecordFileCommand {

    private static final Logger log = LoggerFactory.getLogger(RecordFileCommand.class);
    private static final Duration KEPT_SILENCE = Duration.ofSeconds(1);
    private static final Duration UNBOUNDED_RECORDING = Duration.ofSeconds(10);
    private static final Duration MIN_SPOKEN_BEFORE_HANGUP = Duration.ofMillis(500);

    private final LiveCall call;
    private final ResidentConversation conversation;
    private final AgiSettings settings;

    RecordFileCommand(LiveCall call, ResidentConversation conversation, AgiSettings settings) {
        this.call = call;
        this.conversation = conversation;
        this.settings = settings;
    }

    private enum Ending { TIMEOUT, DTMF, HANGUP }

    /** What the resident will do during this recording. */
    private record Plan(Pcm audio, Duration elapsed, Ending ending, int dtmf, boolean residentHangsUp) {
    }

    String execute(AgiCommandLine line) throws InterruptedException {
        String format = line.arg(3).toLowerCase(Locale.ROOT);
        Path target;
        try {
            target = settings.sounds().resolve(line.arg(2) + "." + format);
        } catch (InvalidPathException e) {
            return "200 result=-1 (writefile)\n";
        }
        Path parent = target.toAbsolutePath().getParent();
        if (!isSupported(format)) {
            log.warn("No such format '{}'", format);
            return "200 result=-1 (writefile)\n";
        }
        if (parent == null || !Files.isDirectory(parent)) {
            log.warn("Unable to open file {}: No such file or directory", target);
            return "200 result=-1 (writefile)\n";
        }
        if (!settings.asteriskUser().canWriteInto(parent)) {
            log.warn("Unable to open file {}: Permission denied", target);
            return "200 result=-1 (writefile)\n";
        }
        long timeoutMs = AgiSession.parseMillis(line.arg(5), -1);
        Duration timeout = timeoutMs > 0 ? Duration.ofMillis(timeoutMs) : null;
        Duration silence = silenceParameter(line);
        String named = call.variable(ResidentConversation.QUESTION_VARIABLE).orElse(null);
        ResidentConversation.Asked asked = conversation.startRecording(named);
        Plan plan = plan(asked, timeout, silence, line.arg(4));

        long started = System.nanoTime();
        boolean hungUp;
        if (plan.residentHangsUp()) {
            call.residentHangsUpIn(plan.elapsed());
            hungUp = call.awaitHangup(plan.elapsed().plus(Duration.ofHours(1)));
        } else {
            hungUp = call.awaitHangup(plan.elapsed());
        }
        Pcm written = plan.audio();
        if (hungUp) {
            Duration heard = call.timeScale().toSimulated(Duration.ofNanos(System.nanoTime() - started));
            written = written.truncate(heard);
        }
        try {
            if (format.equals("wav")) {
                Wav.write(target, written);
            } else {
                Wav.writeRaw(target, written);
            }
        } catch (IOException e) {
            log.warn("RECORD FILE could not write {}: {}", target, e.toString());
            return "200 result=-1 (writefile)\n";
        }
        if (hungUp) {
            return "200 result=-1 (hangup) endpos=" + written.samples() + "\n";
        }
        if (plan.ending() == Ending.DTMF) {
            call.keyPressed((char) plan.dtmf(), Duration.ofMillis(100));
            return "200 result=" + plan.dtmf() + " (dtmf) endpos=" + written.samples() + "\n";
        }
        long left = timeout == null ? 0 : Math.max(0, timeout.minus(plan.elapsed()).toMillis());
        return "200 result=" + left + " (timeout) endpos=" + written.samples() + "\n";
    }

    private Plan plan(ResidentConversation.Asked asked, Duration timeout, Duration silence, String escapeDigits) {
        Behaviour behaviour = call.resident().behaviour();
        Answer answer = asked.answer().orElse(null);
        Pcm speech = behaviour.speaks() && answer != null && answer.audio() != null ? answer.audio().pcm() : null;
        if (conversation.hangsUpDuring(asked)) {
            Pcm spoken = speech == null ? Pcm.silence(Duration.ofSeconds(1))
                    : speech.truncate(max(speech.duration().dividedBy(2), MIN_SPOKEN_BEFORE_HANGUP));
            return new Plan(spoken, spoken.duration(), Ending.HANGUP, 0, true);
        }
        if (speech == null && behaviour == Behaviour.KEYPAD_ONLY && answer != null && !answer.digits().isEmpty()
                && escapeDigits.indexOf(answer.digits().charAt(0)) >= 0) {
            Duration press = settings.keypressDelay();
            if (timeout == null || press.compareTo(timeout) < 0) {
                conversation.pressed(1);
                return new Plan(Pcm.silence(press), press, Ending.DTMF, answer.digits().charAt(0), false);
            }
        }
        Pcm said = speech == null ? Pcm.silence(Duration.ZERO) : speech;
        Duration stop = silence != null ? said.duration().plus(silence)
                : timeout != null ? timeout : said.duration().plus(UNBOUNDED_RECORDING);
        if (timeout != null && stop.compareTo(timeout) >= 0) {
            Pcm full = said.append(Pcm.silence(timeout.minus(said.duration()))).truncate(timeout);
            return new Plan(full, timeout, Ending.TIMEOUT, 0, false);
        }
        Duration kept = silence != null ? min(silence, KEPT_SILENCE) : stop.minus(said.duration());
        return new Plan(said.append(Pcm.silence(kept)), stop, Ending.TIMEOUT, 0, false);
    }

    private static Duration silenceParameter(AgiCommandLine line) {
        for (int i = 6; i < line.argc(); i++) {
            String arg = line.arg(i).toLowerCase(Locale.ROOT);
            if (arg.startsWith("s=")) {
                try {
                    int seconds = Integer.parseInt(arg.substring(2).trim());
                    return seconds > 0 ? Duration.ofSeconds(seconds) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isSupported(String format) {
        return format.equals("wav") || format.equals("sln") || format.equals("raw");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
