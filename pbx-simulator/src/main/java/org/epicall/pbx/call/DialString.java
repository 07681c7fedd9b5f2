package org.epicall.pbx.call;

import java.util.Optional;

/**
 * A parsed Originate Channel string: {@code Local/<exten>@<context>[/n]} or {@code PJSIP/<number>@<endpoint>}.
 *
 * @param technology channel technology as written ({@code Local}, {@code PJSIP}, ...)
 * @param resource   the part before {@code @} (extension or number)
 * @param location   the part after {@code @} (context or endpoint), empty if none
 */
public record DialString(String technology, String resource, String location) {

    /** The parsed dial string, or empty if it has no {@code technology/} prefix. */
    public static Optional<DialString> parse(String channel) {
        int slash = channel.indexOf('/');
        if (slash <= 0 || slash == channel.length() - 1) {
            return Optional.empty();
        }
        String technology = channel.substring(0, slash);
        String rest = channel.substring(slash + 1);
        int options = rest.indexOf('/');
        if (options >= 0) {
            rest = rest.substring(0, options);
        }
        int at = rest.indexOf('@');
        if (at < 0) {
            return Optional.of(new DialString(technology, rest, ""));
        }
        return Optional.of(new DialString(technology, rest.substring(0, at), rest.substring(at + 1)));
    }

    public boolean isLocal() {
        return technology.equalsIgnoreCase("Local");
    }

    public boolean isPjsip() {
        return technology.equalsIgnoreCase("PJSIP");
    }
}
