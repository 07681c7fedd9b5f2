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
 * The {@code survey} FastAGI script: finds the attempt from {@code EPICALL_ATTEMPT}, runs the
 * conversation, and always hands a survey back to the registry, even if the session breaks.
 * One instance serves every call (asterisk-java's contract); thread-safe.
 */
final class SurveyAgiScript implements AgiScript {

    static final String ATTEMPT_VARIABLE = "EPICALL_ATTEMPT";

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
        SurveyResponse response = null;
        try {
            response = converse(channel, call.get());
        } finally {
            registry.surveyEnded(attemptId, response != null ? response : broken(call.get()));
        }
    }

    private SurveyResponse converse(CallChannel channel, SurveyCall call) {
        SurveyScript script;
        try {
            script = scripts.open(call);
        } catch (RuntimeException e) {
            log.error("Attempt {}: cannot run questionnaire '{}' in '{}': {}", call.attemptId(),
                    call.questionnaireId(), call.language(), e.getMessage());
            hangupQuietly(channel);
            return broken(call);
        }
        try (script) {
            return new SurveyConversation(channel, script, call, config, clock).run();
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
