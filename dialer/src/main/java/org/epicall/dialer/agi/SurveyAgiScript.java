package org.epicall.dialer.agi;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code survey} FastAGI script: finds the attempt from {@code EPICALL_ATTEMPT}, reads what
 * {@code AMD()} in the survey context concluded, runs the conversation with a person, and always hands
 * the attempt back to the registry (surveyed, answering machine, or a fault of the campaign), even if
 * the session breaks. One instance serves every call (asterisk-java's contract); thread-safe.
 *
 * <p>AMD says MACHINE for a long greeting (voicemail), but also for a line that stays silent past its
 * initial silence (AMDCAUSE INITIALSILENCE-...), which may well be a person waiting to hear who calls:
 * those are surveyed, and the survey's own handling of silence decides.
 */
final class SurveyAgiScript implements AgiScript {

    static final String ATTEMPT_VARIABLE = "EPICALL_ATTEMPT";
    /** What AMD() left on the channel, read in one round trip; {@code /} when AMD did not run. */
    static final String AMD_RESULT = "${AMDSTATUS}/${AMDCAUSE}";

    private static final Logger log = LoggerFactory.getLogger(SurveyAgiScript.class);

    private final SurveyCallRegistry registry;
    private final SurveyScripts scripts;
    private final AgiConfig config;
    private final InstantSource clock;

    SurveyAgiScript(SurveyCallRegistry registry, SurveyScripts scripts, AgiConfig config, InstantSource clock) {
        this.registry = registry;
        this.scripts = scripts;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel agiChannel) {
        CallChannel channel = new AgiCallChannel(agiChannel);
        String attemptId;
        try {
            attemptId = channel.variable(ATTEMPT_VARIABLE);
        } catch (CallHungUpException e) {
            log.info("AGI session on {} hung up before it could be matched to an attempt", request.getChannel());
            return;
        } catch (RuntimeException e) {
            log.warn("AGI session on {} broke before it could be matched to an attempt: {}", request.getChannel(),
                    e.toString());
            return;
        }
        Optional<SurveyCall> call = registry.begin(attemptId);
        if (call.isEmpty()) {
            log.warn("AGI session on {} names attempt '{}', which is not live on this node (unknown, ended or "
                    + "already in a survey); hanging up without asking anything", request.getChannel(), attemptId);
            hangupQuietly(channel);
            return;
        }
        boolean handedBack = false;
        try {
            Optional<String> machine = answeringMachine(channel);
            if (machine.isPresent()) {
                leaveMessage(channel, call.get());
                hangupQuietly(channel);
                registry.answeredByMachine(attemptId, machine.get());
                handedBack = true;
                return;
            }
            converse(channel, call.get());
            handedBack = true;
        } finally {
            if (!handedBack) {
                registry.surveyEnded(attemptId, broken(call.get()));
            }
        }
    }

    /** AMDCAUSE if AMD in the survey context took the call for a machine, not for a silent line. */
    private static Optional<String> answeringMachine(CallChannel channel) {
        String amd;
        try {
            amd = channel.expand(AMD_RESULT);
        } catch (CallHungUpException e) {
            return Optional.empty();
        }
        int slash = amd.indexOf('/');
        String status = slash < 0 ? amd : amd.substring(0, slash);
        String cause = slash < 0 ? "" : amd.substring(slash + 1);
        if (!"MACHINE".equals(status)) {
            return Optional.empty();
        }
        return cause.startsWith("INITIALSILENCE") ? Optional.empty() : Optional.of(cause);
    }

    /**
     * The campaign's short message for an answering machine, if it leaves one. Off by default: a message on
     * a shared voicemail tells whoever listens that a health authority is calling this resident.
     */
    private void leaveMessage(CallChannel channel, SurveyCall call) {
        if (!config.machineMessage()) {
            return;
        }
        try {
            channel.play(new Prompts(call.campaignId(), call.questionnaireId(), call.language()).machine());
        } catch (PromptMissingException e) {
            registry.faults(call.attemptId()).promptMissing(e.prompt());
        } catch (CallHungUpException e) {
            // the machine stopped recording; nothing more to leave
        }
    }

    private void converse(CallChannel channel, SurveyCall call) {
        SurveyScript script;
        try {
            script = scripts.open(call);
        } catch (RuntimeException e) {
            log.error("Attempt {}: cannot run questionnaire '{}' in '{}': {}", call.attemptId(),
                    call.questionnaireId(), call.language(), e.getMessage());
            hangupQuietly(channel);
            registry.surveyEnded(call.attemptId(), broken(call));
            return;
        }
        try (script) {
            SurveyConversation conversation = new SurveyConversation(channel, script, call, config, clock,
                    registry.faults(call.attemptId()));
            SurveyResponse response = conversation.run();
            if (conversation.stoppedByCampaignFault()) {
                registry.campaignFault(call.attemptId(), response);
            } else {
                registry.surveyEnded(call.attemptId(), response);
            }
        }
    }

    private SurveyResponse broken(SurveyCall call) {
        return new SurveyResponse(call.attemptId(), call.campaignId(), call.contactRef(), call.questionnaireId(),
                call.language(), SurveyStatus.PARTIAL, null, clock.instant(), clock.instant(), List.of(), List.of());
    }

    private static void hangupQuietly(CallChannel channel) {
        try {
            channel.hangup();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
