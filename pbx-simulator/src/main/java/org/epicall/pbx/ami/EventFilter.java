package org.epicall.pbx.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A manager.conf user's {@code eventfilter} lines, applied as Asterisk's manager.c does: each line is a regular
 * expression searched in the whole event text; a leading {@code !} makes it an exclude filter. With include
 * filters only, an event passes if one matches; with exclude filters only, if none matches; with both, if an
 * include matches and no exclude does; with none, every event passes. Immutable and thread-safe.
 *
 * <p>Filters of the usual form {@code Event: Name} (no regular-expression characters) are decided from the
 * event's name alone, before the event is built: the simulator then spends nothing on events a filtered client
 * never gets. (Such a filter would also match the same text inside another header's value; no event the
 * simulator sends carries one.)
 */
final class EventFilter {

    static final EventFilter NONE = new EventFilter(List.of(), List.of());
    private static final Pattern LITERAL_EVENT = Pattern.compile("Event: [A-Za-z0-9]+");

    /** What the event's name alone says. */
    enum Verdict { PASS, DROP, READ_TEXT }

    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final boolean byName;
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    private EventFilter(List<Pattern> include, List<Pattern> exclude) {
        this.include = include;
        this.exclude = exclude;
        this.byName = include.stream().allMatch(EventFilter::literal) && exclude.stream().allMatch(EventFilter::literal);
    }

    /**
     * @param lines the {@code eventfilter} values in order
     * @throws IllegalArgumentException naming a line that is not a regular expression
     */
    static EventFilter of(List<String> lines) {
        List<Pattern> include = new ArrayList<>();
        List<Pattern> exclude = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            boolean excluding = text.startsWith("!");
            String regex = excluding ? text.substring(1) : text;
            try {
                (excluding ? exclude : include).add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("eventfilter '" + line + "' is not a regular expression: "
                        + e.getDescription(), e);
            }
        }
        return include.isEmpty() && exclude.isEmpty() ? NONE : new EventFilter(List.copyOf(include), List.copyOf(exclude));
    }

    boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** Whether an event of this name passes, or whether its text must be read to tell. */
    Verdict verdict(String eventName) {
        if (isEmpty()) {
            return Verdict.PASS;
        }
        if (!byName) {
            return Verdict.READ_TEXT;
        }
        return verdicts.computeIfAbsent(eventName, name -> passes("Event: " + name + "\r\n") ? Verdict.PASS
                : Verdict.DROP);
    }

    boolean passes(byte[] event) {
        return isEmpty() || passes(new String(event, StandardCharsets.UTF_8));
    }

    private boolean passes(String text) {
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(text).find());
        return included && exclude.stream().noneMatch(p -> p.matcher(text).find());
    }

    private static boolean literal(Pattern pattern) {
        return LITERAL_EVENT.matcher(pattern.pattern()).matches();
    }
}
