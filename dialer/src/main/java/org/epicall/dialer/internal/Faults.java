package org.epicall.dialer.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.epicall.survey.call.DialRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults of the setup rather than of any resident, as the survey sessions find them: a prompt that is
 * not installed on the PBX, a recordings directory the PBX cannot write. Each is said loudly once when
 * it appears and is part of the node's health until it goes away. Thread-safe.
 *
 * <p>A missing prompt also stops the node from ringing residents for that questionnaire and language
 * for {@link #PROMPT_RECHECK}: they would hear silence. The next attempt after that dials again, which
 * tells whether someone installed the prompt meanwhile.
 */
final class Faults {

    private static final Logger log = LoggerFactory.getLogger(Faults.class);
    static final Duration PROMPT_RECHECK = Duration.ofMinutes(5);

    private record Prompt(String prompt, String server, Instant since, Instant until) {
    }

    private record Recording(Path file, String server, Instant since) {
    }

    private final InstantSource clock;
    private final Map<String, Prompt> missingPrompts = new ConcurrentHashMap<>();
    private final Map<Path, Recording> unwritable = new ConcurrentHashMap<>();

    Faults(InstantSource clock) {
        this.clock = clock;
    }

    void promptMissing(String questionnaireId, String language, String prompt, String server) {
        Instant now = clock.instant();
        Prompt before = missingPrompts.put(key(questionnaireId, language),
                new Prompt(prompt, server, now, now.plus(PROMPT_RECHECK)));
        if (before == null) {
            log.error("Prompt '{}' of questionnaire {} ({}) is not installed on Asterisk {}: STREAM FILE answered "
                    + "200 result=-1 endpos=0, so residents hear silence. No resident is called for this "
                    + "questionnaire and language until {}; install the campaign's prompts in Asterisk's sounds "
                    + "directory (epicall/<questionnaire>/<language>/<prompt>.wav or .sln).", prompt,
                    questionnaireId, language, server, now.plus(PROMPT_RECHECK));
        }
    }

    /** Why a request must not be dialed now, if a prompt it needs was found missing recently. */
    Optional<String> blocks(DialRequest request) {
        Prompt missing = missingPrompts.get(key(request.questionnaireId(), request.language()));
        if (missing == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(missing.until())) {
            // let the next attempt find out whether it was installed meanwhile
            missingPrompts.remove(key(request.questionnaireId(), request.language()), missing);
            return Optional.empty();
        }
        return Optional.of("not dialed: prompt " + missing.prompt() + " was missing on Asterisk " + missing.server()
                + " at " + missing.since() + "; install the campaign's prompts (dialing resumes after "
                + missing.until() + ")");
    }

    void recordingFailed(Path file, String server) {
        Path directory = file.toAbsolutePath().getParent();
        if (unwritable.putIfAbsent(directory, new Recording(file, server, clock.instant())) == null) {
            log.error("Asterisk {} cannot write recordings into {} (RECORD FILE answered 200 result=-1 (writefile) "
                    + "for {}): answers are taken on the keypad instead and no voice is recorded. Make the "
                    + "recordings volume writable by the Asterisk user: the dialer creates campaign directories "
                    + "group-writable with the set-group-id bit, so Asterisk must be in the group that owns the "
                    + "recordings directory (see deploy/asterisk/README.md).", server, directory, file);
        }
    }

    void recordingWritten(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (unwritable.remove(directory) != null) {
            log.info("Asterisk writes recordings into {} again", directory);
        }
    }

    /** One line per fault, naming what is wrong and what to do; empty when there is none. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        missingPrompts.forEach((key, p) -> {
            if (now.isBefore(p.until())) {
                problems.add("prompt " + p.prompt() + " is not installed on Asterisk " + p.server() + " (found "
                        + p.since() + "): install the campaign's prompts");
            }
        });
        unwritable.forEach((directory, r) -> problems.add("Asterisk " + r.server() + " cannot write recordings into "
                + directory + " (since " + r.since() + "): make it writable by the Asterisk user's group"));
        return problems;
    }

    private static String key(String questionnaireId, String language) {
        return questionnaireId + "\u0000" + language;
    }
}
