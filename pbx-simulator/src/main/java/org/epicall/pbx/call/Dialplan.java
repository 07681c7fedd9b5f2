package org.epicall.pbx.call;

import org.epicall.pbx.resident.Resident;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator's dialplan: what an answered call runs (survey contexts, priority by priority, as
 * extensions.conf would) and where dialled numbers lead (resident contexts and trunks). Immutable.
 *
 * <ul>
 *   <li>{@code Local/<number>@<ctx>} with {@code ctx} in {@code numberContexts}, and
 *       {@code PJSIP/<number>@<trunk>} with {@code trunk} in {@code trunks}, call the resident with that
 *       number from the persona directory.</li>
 *   <li>{@code Local/<exten>@<ctx>} with {@code exten@ctx} in {@code residentContexts} calls that fixed resident
 *       (as {@code exten => busy,1,Busy()} in {@code [xref-far]}), and with {@code ctx} there, whatever the
 *       extension (as {@code [resident-busy]} in the reference extensions.conf).</li>
 *   <li>Once answered, the Originate's Context runs its {@link Context}: each priority is announced with
 *       Newexten and runs in turn; the same priorities serve every extension of the context.</li>
 * </ul>
 *
 * @param surveyContexts   context name to the priorities an answered call runs there
 * @param residentContexts context name, or {@code exten@context}, to a fixed resident
 * @param numberContexts   Local contexts whose extension is a resident's phone number
 * @param trunks           PJSIP endpoints whose number is a resident's phone number
 */
public record Dialplan(Map<String, Context> surveyContexts, Map<String, Resident> residentContexts,
                       Set<String> numberContexts, Set<String> trunks) {

    public Dialplan {
        surveyContexts = Map.copyOf(surveyContexts);
        residentContexts = Map.copyOf(residentContexts);
        numberContexts = Set.copyOf(numberContexts);
        trunks = Set.copyOf(trunks);
    }

    /**
     * The default: context {@code survey} runs the survey as deploy/asterisk/extensions.conf does
     * ({@link Context#survey(URI)}); {@code Local/<number>@residents} and {@code PJSIP/<number>@trunk} reach the
     * persona directory.
     */
    public static Dialplan survey(URI agiUrl) {
        return survey(agiUrl.toString());
    }

    /**
     * As {@link #survey(URI)}, with the AGI argument as extensions.conf writes it: a URL, or a channel
     * variable such as {@code ${EPICALL_AGI}}, expanded when the call runs it (as deploy/asterisk does, so
     * that each call reaches the dialer node that placed it).
     */
    public static Dialplan survey(String agiArgument) {
        return new Dialplan(Map.of("survey", Context.survey(agiArgument)), Map.of(), Set.of("residents"),
                Set.of("trunk"));
    }

    public Dialplan withSurveyContext(String context, Context priorities) {
        Map<String, Context> contexts = new LinkedHashMap<>(surveyContexts);
        contexts.put(context, priorities);
        return new Dialplan(contexts, residentContexts, numberContexts, trunks);
    }

    public Dialplan withResidentContext(String context, Resident resident) {
        Map<String, Resident> contexts = new LinkedHashMap<>(residentContexts);
        contexts.put(context, resident);
        return new Dialplan(surveyContexts, contexts, numberContexts, trunks);
    }

    /** A fixed resident for one extension of a context: {@code Local/<exten>@<context>}. */
    public Dialplan withResidentExtension(String context, String exten, Resident resident) {
        return withResidentContext(exten + "@" + context, resident);
    }

    /** The fixed resident {@code Local/<exten>@<context>} reaches, if any. */
    public Optional<Resident> fixedResident(String context, String exten) {
        Resident one = residentContexts.get(exten + "@" + context);
        return Optional.ofNullable(one != null ? one : residentContexts.get(context));
    }

    public Optional<Context> surveyContext(String context) {
        return Optional.ofNullable(surveyContexts.get(context));
    }

    /** A context's priorities, 1 first. */
    public record Context(List<App> priorities) {

        public Context {
            priorities = List.copyOf(priorities);
            if (priorities.isEmpty()) {
                throw new IllegalArgumentException("a context needs at least one priority");
            }
        }

        public static Context of(App... priorities) {
            return new Context(List.of(priorities));
        }

        /**
         * The survey context of deploy/asterisk/extensions.conf: a NoOp naming the attempt, AMD() (answering
         * machine detection, for the script to read), the FastAGI script at priority 3, a NoOp with AGISTATUS,
         * then Hangup().
         */
        public static Context survey(URI agiUrl) {
            return survey(App.agi(agiUrl));
        }

        /** The same, with the AGI argument as written, e.g. {@code ${EPICALL_AGI}}. */
        public static Context survey(String agiArgument) {
            return survey(App.agi(agiArgument));
        }

        private static Context survey(App agi) {
            return of(App.noOp("epicall survey attempt=${EPICALL_ATTEMPT} uid=${UNIQUEID}"), App.amd(), agi,
                    App.noOp("epicall survey done AGISTATUS=${AGISTATUS}"), App.hangup());
        }

        /** The application at a 1-based priority, or empty past the last one. */
        public Optional<App> at(int priority) {
            return priority >= 1 && priority <= priorities.size() ? Optional.of(priorities.get(priority - 1))
                    : Optional.empty();
        }
    }

    /**
     * One dialplan application with its argument as written (variables are expanded when it runs). Known:
     * NoOp, Log, Verbose, Set, Answer, AGI, AMD, Playback, Wait, Hangup.
     */
    public record App(String name, String data) {

        private static final Set<String> KNOWN = Set.of("noop", "log", "verbose", "set", "answer", "agi", "amd",
                "playback", "wait", "hangup");

        public App {
            Objects.requireNonNull(name, "name");
            data = data == null ? "" : data;
            if (!KNOWN.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the simulator's dialplan does not know application '" + name
                        + "'; known: NoOp, Log, Verbose, Set, Answer, AGI, AMD, Playback, Wait, Hangup");
            }
        }

        public static App noOp(String text) {
            return new App("NoOp", text);
        }

        public static App agi(URI url) {
            return new App("AGI", new Agi(url, 1).url().toString());
        }

        /**
         * {@code AGI(argument)}: a URL, checked now, or an expression with variables, checked when the call
         * expands it (an unusable result fails as Asterisk's AGI does: AGISTATUS=FAILURE).
         */
        public static App agi(String argument) {
            return argument.contains("${") ? new App("AGI", argument) : agi(URI.create(argument));
        }

        /** Answering-machine detection with amd.conf's defaults; sets AMDSTATUS and AMDCAUSE. */
        public static App amd() {
            return new App("AMD", "");
        }

        public static App playback(String sound) {
            return new App("Playback", sound);
        }

        public static App waitSeconds(double seconds) {
            return new App("Wait", seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
                    : String.valueOf(seconds));
        }

        public static App hangup() {
            return new App("Hangup", "");
        }

        public static App log(String level, String text) {
            return new App("Log", level + "," + text);
        }

        public boolean is(String application) {
            return name.equalsIgnoreCase(application);
        }
    }

    /**
     * {@code AGI(agi://host:port/script)} as it runs at {@code priority} (what {@code agi_priority} reports).
     */
    public record Agi(URI url, int priority) {
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
}
