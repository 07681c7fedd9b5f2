package org.epicall.campaign.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.epicall.campaign.schedule.AttemptResultHandler;

/** What a dialer reports back about the calls of a test, at the time the test's clock says. */
public final class Calls {

    private final AttemptResultHandler handler;
    private final MutableClock clock;

    public Calls(AttemptResultHandler handler, MutableClock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The call was answered and the survey completed with these answers and flags. */
    public void answered(DialRequest call, List<AnsweredQuestion> answers, List<String> flags) {
        Instant now = clock.instant();
        handler.surveyFinished(new SurveyResponse(call.attemptId(), call.campaignId(), call.contactRef(),
                call.questionnaireId(), call.language(), SurveyStatus.COMPLETE, null, now, now, answers, flags));
        handler.attemptFinished(new AttemptResult(call.attemptId(), call.campaignId(), call.contactRef(),
                CallOutcome.ANSWERED, 16, "pbx-1", now, now, now, ""));
    }

    /** The line was busy. */
    public void busy(DialRequest call) {
        Instant now = clock.instant();
        handler.attemptFinished(new AttemptResult(call.attemptId(), call.campaignId(), call.contactRef(),
                CallOutcome.BUSY, 17, "pbx-1", now, null, now, ""));
    }

    /**
     * Writes a recording as a dialer keeps it: {@code <recordingsDir>/<campaign>/<attempt>-<question>-1.wav},
     * half a second of a 440 Hz tone, 8 kHz mono 16-bit PCM.
     *
     * @return the path the dialer reports
     */
    public static String recording(Path recordingsDir, DialRequest call, String questionId) {
        Path file = recordingsDir.resolve(call.campaignId()).resolve(call.attemptId() + "-" + questionId + "-1.wav");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Wavs.telephone());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }
}
