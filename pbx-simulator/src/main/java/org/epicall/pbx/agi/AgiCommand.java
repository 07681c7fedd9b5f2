package org.epicall.pbx.agi;

import java.util.List;

/**
 * The AGI commands the simulator knows, how many words name each, its argument count bounds (including the
 * name words, as Asterisk counts them), and whether it may run on a dead channel (Asterisk's {@code dead} flag).
 */
enum AgiCommand {
    ANSWER(List.of("ANSWER"), 1, 1, false),
    CHANNEL_STATUS(List.of("CHANNEL", "STATUS"), 2, 3, true),
    CONTROL_STREAM_FILE(List.of("CONTROL", "STREAM", "FILE"), 5, 10, false),
    EXEC(List.of("EXEC"), 2, Integer.MAX_VALUE, true),
    GET_DATA(List.of("GET", "DATA"), 3, 5, false),
    GET_FULL_VARIABLE(List.of("GET", "FULL", "VARIABLE"), 4, 5, true),
    GET_OPTION(List.of("GET", "OPTION"), 4, 5, false),
    GET_VARIABLE(List.of("GET", "VARIABLE"), 3, 3, true),
    HANGUP(List.of("HANGUP"), 1, 2, false),
    NOOP(List.of("NOOP"), 1, Integer.MAX_VALUE, true),
    RECORD_FILE(List.of("RECORD", "FILE"), 6, 9, false),
    SAY_ALPHA(List.of("SAY", "ALPHA"), 4, 4, false),
    SAY_DIGITS(List.of("SAY", "DIGITS"), 4, 4, false),
    SAY_NUMBER(List.of("SAY", "NUMBER"), 4, 5, false),
    SET_AUTOHANGUP(List.of("SET", "AUTOHANGUP"), 3, 3, false),
    SET_CALLERID(List.of("SET", "CALLERID"), 3, 3, false),
    SET_MUSIC(List.of("SET", "MUSIC"), 3, 4, false),
    SET_VARIABLE(List.of("SET", "VARIABLE"), 4, 4, true),
    STREAM_FILE(List.of("STREAM", "FILE"), 4, 5, false),
    VERBOSE(List.of("VERBOSE"), 2, 3, true),
    WAIT_FOR_DIGIT(List.of("WAIT", "FOR", "DIGIT"), 4, 4, false);

    private final List<String> words;
    private final int minArgs;
    private final int maxArgs;
    private final boolean allowedOnDeadChannel;

    AgiCommand(List<String> words, int minArgs, int maxArgs, boolean allowedOnDeadChannel) {
        this.words = words;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.allowedOnDeadChannel = allowedOnDeadChannel;
    }

    /** The command a line names (longest match of its leading words), or null: "510 Invalid or unknown command". */
    static AgiCommand find(AgiCommandLine line) {
        AgiCommand best = null;
        for (AgiCommand command : values()) {
            if (command.matches(line) && (best == null || command.words.size() > best.words.size())) {
                best = command;
            }
        }
        return best;
    }

    private boolean matches(AgiCommandLine line) {
        if (line.argc() < words.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!line.word(i).equals(words.get(i))) {
                return false;
            }
        }
        return true;
    }

    boolean syntaxOk(AgiCommandLine line) {
        return line.argc() >= minArgs && line.argc() <= maxArgs;
    }

    boolean allowedOnDeadChannel() {
        return allowedOnDeadChannel;
    }

    /**
     * Whether {@code 200 result=-1} from this command is res_agi's RESULT_FAILURE (AGIExecEnd ResultCode -1):
     * the commands that play, record or wait on the channel.
     */
    boolean failsWithMinusOne() {
        return switch (this) {
            case STREAM_FILE, CONTROL_STREAM_FILE, RECORD_FILE, WAIT_FOR_DIGIT, GET_DATA, GET_OPTION, SAY_ALPHA,
                 SAY_DIGITS, SAY_NUMBER -> true;
            default -> false;
        };
    }

    String title() {
        return String.join(" ", words);
    }
}
