package org.epicall.pbx.agi;

import java.util.Map;

/**
 * The text of a "520 Invalid command syntax" reply. STREAM FILE's is Asterisk 22.10.1's, word for word
 * (agi-01-survey-answer.txt); for the other commands only the first and last lines are Asterisk's and the
 * body is a one-line synopsis, since the reference transcripts show no other usage text.
 */
final class AgiUsage {

    private static final String STREAM_FILE = """
            Send the given file, allowing playback to be interrupted by the given digits, if any. \
            Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII \
            numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel \
            was disconnected. If musiconhold is playing before calling stream file it will be automatically \
            stopped and will not be restarted after completion.
            It sets the following channel variables upon completion:
            <variable>PLAYBACKSTATUS</variable>: The status of the playback attempt as a text string.
                <value>SUCCESS</value>
                <value>FAILED</value>
            """;

    private static final Map<AgiCommand, String> SYNOPSIS = Map.ofEntries(
            Map.entry(AgiCommand.CHANNEL_STATUS, "Usage: CHANNEL STATUS [<channelname>]\n"),
            Map.entry(AgiCommand.CONTROL_STREAM_FILE, "Usage: CONTROL STREAM FILE <filename> <escape digits> "
                    + "[skipms] [ffchar] [rewchr] [pausechr] [offsetms]\n"),
            Map.entry(AgiCommand.EXEC, "Usage: EXEC <application> <options>\n"),
            Map.entry(AgiCommand.GET_DATA, "Usage: GET DATA <file to be streamed> [timeout] [maxdigits]\n"),
            Map.entry(AgiCommand.GET_FULL_VARIABLE, "Usage: GET FULL VARIABLE <variablename> [<channel name>]\n"),
            Map.entry(AgiCommand.GET_OPTION, "Usage: GET OPTION <filename> <escape_digits> [timeout]\n"),
            Map.entry(AgiCommand.GET_VARIABLE, "Usage: GET VARIABLE <variablename>\n"),
            Map.entry(AgiCommand.HANGUP, "Usage: HANGUP [<channelname>]\n"),
            Map.entry(AgiCommand.RECORD_FILE, "Usage: RECORD FILE <filename> <format> <escape digits> <timeout> "
                    + "[offset samples] [BEEP] [s=silence]\n"),
            Map.entry(AgiCommand.SAY_ALPHA, "Usage: SAY ALPHA <number> <escape digits>\n"),
            Map.entry(AgiCommand.SAY_DIGITS, "Usage: SAY DIGITS <number> <escape digits>\n"),
            Map.entry(AgiCommand.SAY_NUMBER, "Usage: SAY NUMBER <number> <escape digits> [gender]\n"),
            Map.entry(AgiCommand.SET_AUTOHANGUP, "Usage: SET AUTOHANGUP <time>\n"),
            Map.entry(AgiCommand.SET_CALLERID, "Usage: SET CALLERID <number>\n"),
            Map.entry(AgiCommand.SET_MUSIC, "Usage: SET MUSIC <on|off> <class>\n"),
            Map.entry(AgiCommand.SET_VARIABLE, "Usage: SET VARIABLE <variablename> <value>\n"),
            Map.entry(AgiCommand.STREAM_FILE, STREAM_FILE),
            Map.entry(AgiCommand.VERBOSE, "Usage: VERBOSE <message> <level>\n"),
            Map.entry(AgiCommand.WAIT_FOR_DIGIT, "Usage: WAIT FOR DIGIT <timeout>\n"));

    private AgiUsage() {
    }

    static String reply(AgiCommand command) {
        return "520-Invalid command syntax.  Proper usage follows:\n"
                + SYNOPSIS.getOrDefault(command, "Usage: " + command.title() + "\n")
                + "520 End of proper usage.\n";
    }
}
