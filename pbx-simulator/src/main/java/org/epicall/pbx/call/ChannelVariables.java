package org.epicall.pbx.call;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads channel variables and dialplan functions as GET VARIABLE and GET FULL VARIABLE see them: the
 * built-ins Asterisk computes ({@code CHANNEL}, {@code UNIQUEID}, {@code CALLERID(num)}, {@code CHANNEL(state)},
 * ...) and the variables set by Originate or SET VARIABLE.
 */
public final class ChannelVariables {

    private ChannelVariables() {
    }

    public static Optional<String> get(LiveCall call, String name) {
        Channel channel = call.channel();
        String key = name.trim();
        String upper = key.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "CHANNEL", "CHANNEL(NAME)" -> Optional.of(channel.name());
            case "UNIQUEID", "CHANNEL(UNIQUEID)" -> Optional.of(channel.uniqueid());
            case "CHANNEL(LINKEDID)" -> Optional.of(channel.linkedid());
            case "CHANNEL(STATE)" -> Optional.of(channel.state().description());
            case "CONTEXT" -> Optional.of(channel.context());
            case "EXTEN" -> Optional.of(channel.exten());
            case "PRIORITY" -> Optional.of(String.valueOf(channel.priority()));
            case "CALLERID(NUM)" -> known(channel.callerIdNum());
            case "CALLERID(NAME)" -> known(channel.callerIdName());
            case "CALLERID(ALL)" -> Optional.of("\"" + channel.callerIdName() + "\" <" + channel.callerIdNum() + ">");
            case "EPOCH" -> Optional.of(String.valueOf(Instant.now().getEpochSecond()));
            case "LANGUAGE", "CHANNEL(LANGUAGE)" -> Optional.of("en");
            default -> call.variable(key);
        };
    }

    private static Optional<String> known(String value) {
        return "<unknown>".equals(value) ? Optional.empty() : Optional.of(value);
    }

    /** Substitutes every {@code ${...}} in {@code expression} (nested ones first); unset variables become empty. */
    public static String expand(LiveCall call, String expression) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            if (expression.startsWith("${", i)) {
                int end = matchingBrace(expression, i + 2);
                if (end < 0) {
                    out.append(expression, i, expression.length());
                    break;
                }
                String inner = expand(call, expression.substring(i + 2, end));
                out.append(get(call, inner).orElse(""));
                i = end + 1;
            } else {
                out.append(expression.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
