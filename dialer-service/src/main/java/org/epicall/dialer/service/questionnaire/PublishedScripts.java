package org.epicall.dialer.service.questionnaire;

import org.epicall.dialer.agi.QuestionnaireScripts;
import org.epicall.dialer.agi.SurveyCall;
import org.epicall.dialer.agi.SurveyScript;
import org.epicall.dialer.agi.SurveyScripts;

/**
 * Survey scripts of the questionnaire version each call's campaign published (or the shipped one, for a
 * request naming no version), run by the survey module and recognition as {@link QuestionnaireScripts} runs
 * them. Thread-safe.
 */
public final class PublishedScripts implements SurveyScripts {

    private final QuestionnaireSource source;
    private final QuestionnaireScripts scripts;

    public PublishedScripts(QuestionnaireSource source, QuestionnaireScripts scripts) {
        this.source = source;
        this.scripts = scripts;
    }

    @Override
    public SurveyScript open(String questionnaireId, String language) {
        return open(questionnaireId, null, language);
    }

    @Override
    public SurveyScript open(SurveyCall call) {
        return open(call.questionnaireId(), call.questionnaireVersion(), call.language());
    }

    private SurveyScript open(String questionnaireId, String version, String language) {
        return switch (source.resolve(questionnaireId, version)) {
            case QuestionnaireSource.Loaded loaded -> scripts.open(loaded.questionnaire(), language);
            case QuestionnaireSource.Unavailable unavailable -> throw new IllegalArgumentException(unavailable.reason());
            case QuestionnaireSource.NotYet notYet -> throw new IllegalArgumentException(notYet.reason());
        };
    }
}
