package org.epicall.dialer.agi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One survey call as a state machine: intro, then each question the script hands out (consent
 * first), then thanks. A question is answered by voice or on the keypad: a key pressed while the
 * answer is recorded stops the recording and is taken as a keypad answer (the intro says so once).
 * A voice answer that would raise a triage flag is read back and accepted only if the resident
 * presses 1. On no-match, low confidence or a denied read-back the question is asked once more,
 * then by keypad. Before each RECORD FILE and GET DATA the channel variable
 * {@code EPICALL_QUESTION} names the question, so a simulated resident knows what to answer.
 *
 * <p>{@link #run} always returns a response: a hangup or a broken session ends it PARTIAL with the
 * answers so far and where it stopped (the question being asked, or {@value #INTRO} during the
 * introduction), at the first sign of the hangup. A prompt missing on the PBX stops the survey too, as
 * a fault of the campaign ({@link #stoppedByCampaignFault}), unless the resident had already done their
 * part. When the PBX cannot write recordings, questions are asked on the keypad instead. One instance
 * per call; not thread-safe.
 */
public final class SurveyConversation {

    /** Channel variable naming the question being recorded or keyed in. */
    public static final String QUESTION_VARIABLE = "EPICALL_QUESTION";
    /** Where a survey stopped when the resident hung up during the introduction, before any question. */
    public static final String INTRO = "intro";

    /** Keys that stop a recording and answer on the keypad instead: any question may be answered either way. */
    static final String ANSWER_KEYS = "0123456789*#";

    private static final Logger log = LoggerFactory.getLogger(SurveyConversation.class);

    private final CallChannel channel;
    private final SurveyScript script;
    private final SurveyCall call;
    private final AgiConfig config;
    private final InstantSource clock;
    private final Prompts prompts;
    private final SessionFaults faults;
    private final List<AnsweredQuestion> answers = new ArrayList<>();
    private String asking;
    private boolean recordingBroken;
    private boolean campaignFault;

    public SurveyConversation(CallChannel channel, SurveyScript script, SurveyCall call, AgiConfig config,
            InstantSource clock) {
        this(channel, script, call, config, clock, SessionFaults.NONE);
    }

    /** @param faults where a missing prompt or an unwritable recording is reported as it is found */
    public SurveyConversation(CallChannel channel, SurveyScript script, SurveyCall call, AgiConfig config,
            InstantSource clock, SessionFaults faults) {
        this.channel = channel;
        this.script = script;
        this.call = call;
        this.config = config;
        this.clock = clock;
        this.faults = faults;
        this.prompts = new Prompts(call.campaignId(), call.questionnaireId(), call.language());
    }

    /** Whether {@link #run} stopped because a prompt the survey needed is not installed on the PBX. */
    public boolean stoppedByCampaignFault() {
        return campaignFault;
    }

    public SurveyResponse run() {
        Instant started = clock.instant();
        try {
            channel.answer();
            asking = INTRO;
            play(prompts.intro());
            asking = null;
            for (Optional<SurveyScript.Step> step = script.next(answers); step.isPresent(); step = script.next(answers)) {
                asking = step.get().questionId();
                AnsweredQuestion answer = ask(step.get());
                answers.add(answer);
                asking = null;
                if (step.get().consent() && !Boolean.TRUE.equals(answer.value())) {
                    return endWithoutConsent(started, answer);
                }
            }
            playIfInstalled(prompts.thanks());
            channel.hangup();
            return response(SurveyStatus.COMPLETE, null, started);
        } catch (CallHungUpException e) {
            return hungUp(started);
        } catch (PromptMissingException e) {
            campaignFault = true;
            log.warn("Survey of attempt {} stopped at {}: {}", call.attemptId(), asking, e.getMessage());
            hangupQuietly();
            return response(SurveyStatus.PARTIAL, asking, started);
        } catch (RuntimeException e) {
            log.warn("Survey of attempt {} broke off at question {}: {}", call.attemptId(), asking, e.toString());
            hangupQuietly();
            return response(SurveyStatus.PARTIAL, asking, started);
        }
    }

    private SurveyResponse endWithoutConsent(Instant started, AnsweredQuestion consent) {
        boolean declined = Boolean.FALSE.equals(consent.value());
        try {
            playIfInstalled(declined ? prompts.declined() : prompts.sorry());
            channel.hangup();
        } catch (CallHungUpException e) {
            // already gone; the answer stands
        }
        return declined
                ? response(SurveyStatus.DECLINED, null, started)
                : response(SurveyStatus.PARTIAL, consent.questionId(), started);
    }

    private SurveyResponse hungUp(Instant started) {
        String stoppedAt = asking;
        if (stoppedAt == null && script.next(answers).isEmpty()) {
            // hung up during the thanks: every question was answered
            return response(SurveyStatus.COMPLETE, null, started);
        }
        return response(SurveyStatus.PARTIAL, stoppedAt, started);
    }

    private AnsweredQuestion ask(SurveyScript.Step step) {
        String id = step.questionId();
        SurveyScript.Heard heard = null;
        Path lastWav = null;
        int asks = 0;
        if (recordingBroken) {
            play(prompts.question(id));
        }
        while (asks < 2 && !recordingBroken) {
            asks++;
            play(asks == 1 ? prompts.question(id) : prompts.reask(id));
            channel.setVariable(QUESTION_VARIABLE, id);
            Path file = recordingFile(id, asks);
            Optional<CallChannel.Recording> recorded = recorded(file);
            if (recorded.isEmpty()) {
                break;
            }
            CallChannel.Recording recording = recorded.get();
            lastWav = file.resolveSibling(file.getFileName() + ".wav");
            if (recording.key().isPresent()) {
                Optional<Object> keyed = script.keypad(step, typed(step, recording.key().get()));
                if (keyed.isPresent()) {
                    return new AnsweredQuestion(id, "", keyed.get(), 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, asks, null);
                }
                // A key that means nothing here: the keypad prompt says which key is which.
                break;
            }
            heard = script.hear(step, lastWav, asks);
            if (heard.decision() == Decision.ACCEPT) {
                Optional<String> readBack = script.confirmation(step, heard.value(), answers);
                if (readBack.isEmpty()) {
                    return new AnsweredQuestion(id, heard.transcript(), heard.value(), heard.confidence(), Decision.ACCEPT,
                            AnswerSource.VOICE, asks, kept(lastWav));
                }
                if (confirmed(readBack.get())) {
                    return new AnsweredQuestion(id, heard.transcript(), heard.value(), heard.confidence(), Decision.ACCEPT,
                            AnswerSource.VOICE, asks, kept(lastWav), true);
                }
                // Not confirmed: the value was misheard or the resident is unsure; never record it.
                log.debug("{} ask {}: '{}' read back as {} and not confirmed", id, asks, heard.transcript(), heard.value());
                continue;
            }
            if (heard.decision() == Decision.UNANSWERED) {
                // voice failed and the question has no keypad fallback, or the resident does not know
                return new AnsweredQuestion(id, heard.transcript(), null, heard.confidence(), Decision.UNANSWERED,
                        AnswerSource.NONE, asks, kept(lastWav), false, heard.doesNotKnow());
            }
            if (heard.decision() != Decision.REASK) {
                break;
            }
        }
        asks++;
        channel.setVariable(QUESTION_VARIABLE, id);
        String digits = channel.readDigits(prompts.keypad(id), config.keypadTimeout(), config.keypadMaxDigits());
        Optional<Object> value = digits.isEmpty() ? Optional.empty() : script.keypad(step, digits);
        String transcript = heard == null ? "" : heard.transcript();
        if (value.isPresent()) {
            return new AnsweredQuestion(id, transcript, value.get(), 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, asks,
                    kept(lastWav));
        }
        return new AnsweredQuestion(id, transcript, null, heard == null ? 0 : heard.confidence(), Decision.UNANSWERED,
                AnswerSource.NONE, asks, kept(lastWav));
    }

    /**
     * The keys of an entry whose first key stopped the recording: that key alone where one key answers
     * (yes/no, a single choice), else it and the rest, read until {@code #} or the keypad timeout.
     */
    private String typed(SurveyScript.Step step, char first) {
        if (first == '#' || script.answeredByOneKey(step)) {
            return String.valueOf(first);
        }
        return first + channel.readDigits(prompts.keepTyping(), config.keypadTimeout(), Math.max(1, config.keypadMaxDigits() - 1));
    }

    /** Reads the answer back ("37.5도라고 하셨습니까? 맞으면 1번, 아니면 2번"): only 1 confirms it. */
    private boolean confirmed(String promptName) {
        return channel.readDigits(prompts.confirm(promptName), config.keypadTimeout(), 1).equals("1");
    }

    /**
     * Records an answer, stopped by any of {@link #ANSWER_KEYS}; empty if the PBX could not write it,
     * after which the rest of the survey is asked on the keypad (the resident can still answer; the
     * fault is reported to the node).
     */
    private Optional<CallChannel.Recording> recorded(Path file) {
        try {
            CallChannel.Recording recording = channel.record(file, config.maxAnswer(), config.silence(), ANSWER_KEYS);
            faults.recordingWritten(file);
            return Optional.of(recording);
        } catch (RecordingFailedException e) {
            recordingBroken = true;
            faults.recordingFailed(file);
            return Optional.empty();
        }
    }

    private void play(String prompt) {
        try {
            channel.play(prompt);
        } catch (PromptMissingException e) {
            faults.promptMissing(prompt);
            throw e;
        }
    }

    /** Plays a prompt after the resident has done their part: a missing one is reported, not fatal. */
    private void playIfInstalled(String prompt) {
        try {
            play(prompt);
        } catch (PromptMissingException e) {
            log.warn("Attempt {}: {}; the survey itself is complete", call.attemptId(), e.getMessage());
        }
    }

    private Path recordingFile(String questionId, int ask) {
        return RecordingDirectories.forCampaign(config.recordingsDir(), call.campaignId())
                .resolve(call.attemptId() + "-" + questionId + "-" + ask);
    }

    private static String kept(Path wav) {
        return wav != null && Files.exists(wav) ? wav.toString() : null;
    }

    private SurveyResponse response(SurveyStatus status, String stoppedAt, Instant started) {
        List<String> flags;
        try {
            flags = script.triage(answers);
        } catch (RuntimeException e) {
            log.error("Triage failed for attempt {}; the answers are kept without flags", call.attemptId(), e);
            flags = List.of();
        }
        return new SurveyResponse(call.attemptId(), call.campaignId(), call.contactRef(), call.questionnaireId(),
                call.language(), status, stoppedAt, started, clock.instant(), answers, flags);
    }

    private void hangupQuietly() {
        try {
            channel.hangup();
        } catch (RuntimeException e) {
            // the session is broken already
        }
    }
}
