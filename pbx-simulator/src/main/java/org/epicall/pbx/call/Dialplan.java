package org.epicall.pbx.call;

import org.epicall.pbx.resident.Resident;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator's dialplan: where answered calls go (survey contexts) and where dialled numbers lead
 * (resident contexts and trunks). Immutable.
 *
 * <ul>
 *   <li>{@code Local/<number>@<ctx>} with {@code ctx} in {@code numberContexts}, and
 *       {@code PJSIP/<number>@<trunk>} with {@code trunk} in {@code trunks}, call the resident with that
 *       number from the persona directory.</li>
 *   <li>{@code Local/<anything>@<ctx>} with {@code ctx} in {@code residentContexts} calls that fixed resident
 *       (as {@code [resident-busy]} in the reference extensions.conf).</li>
 *   <li>Once answered, the Originate's Context runs its {@link Step}: a FastAGI script, or a playback.</li>
 * </ul>
 *
 * @param surveyContexts   context name to what an answered call does there
 * @param residentContexts context name to a fixed resident
 * @param numberContexts   Local contexts whose extension is a resident's phone number
 * @param trunks           PJSIP endpoints whose number is a resident's phone number
 */
public record Dialplan(Map<String, Step> surveyContexts, Map<String, Resident> residentContexts,
                       Set<String> numberContexts, Set<String> trunks) {

    public Dialplan {
        surveyContexts = Map.copyOf(surveyContexts);
        residentContexts = Map.copyOf(residentContexts);
        numberContexts = Set.copyOf(numberContexts);
        trunks = Set.copyOf(trunks);
    }

    /**
     * The default: context {@code survey} runs {@code AGI(agiUrl)}; {@code Local/<number>@residents} and
     * {@code PJSIP/<number>@trunk} reach the persona directory.
     */
    public static Dialplan survey(URI agiUrl) {
        return new Dialplan(Map.of("survey", new Agi(agiUrl, 1)), Map.of(), Set.of("residents"), Set.of("trunk"));
    }

    public Dialplan withSurveyContext(String context, Step step) {
        Map<String, Step> contexts = new LinkedHashMap<>(surveyContexts);
        contexts.put(context, step);
        return new Dialplan(contexts, residentContexts, numberContexts, trunks);
    }

    public Dialplan withResidentContext(String context, Resident resident) {
        Map<String, Resident> contexts = new LinkedHashMap<>(residentContexts);
        contexts.put(context, resident);
        return new Dialplan(surveyContexts, contexts, numberContexts, trunks);
    }

    public Optional<Step> surveyStep(String context) {
        return Optional.ofNullable(surveyContexts.get(context));
    }

    /** What an answered channel does in a context. */
    public sealed interface Step permits Agi, Playback {
    }

    /**
     * {@code AGI(agi://host:port/script)} at {@code priority} (what {@code agi_priority} reports).
     */
    public record Agi(URI url, int priority) implements Step {
        public Agi {
            Objects.requireNonNull(url, "url");
            if (!"agi".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("AGI URL must look like agi://host[:port]/script, got " + url);
            }
        }

        public int port() {
            return url.getPort() < 0 ? 4573 : url.getPort();
        }

        public String script() {
            String path = url.getPath() == null ? "" : url.getPath();
            return path.startsWith("/") ? path.substring(1) : path;
        }
    }

    /** Plays something for {@code duration} (simulated time), then hangs up, as {@code Playback(beep)} + {@code Hangup()}. */
    public record Playback(Duration duration) implements Step {
        public Playback {
            Objects.requireNonNull(duration, "duration");
        }
    }
}
