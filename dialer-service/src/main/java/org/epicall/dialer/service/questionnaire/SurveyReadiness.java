package org.epicall.dialer.service.questionnaire;

import java.util.List;

import org.epicall.dialer.service.CallReadiness;
import org.epicall.survey.call.DialRequest;

/**
 * A call can be surveyed here when its questionnaire version loads, has the call's language, and this node
 * loaded a recognition model for that language.
 */
public final class SurveyReadiness implements CallReadiness {

    private final QuestionnaireSource source;
    private final List<String> languages;

    /** @param languages the languages whose models this node loaded */
    public SurveyReadiness(QuestionnaireSource source, List<String> languages) {
        this.source = source;
        this.languages = List.copyOf(languages);
    }

    @Override
    public Verdict check(DialRequest request) {
        if (!languages.contains(request.language())) {
            return new Refuse("this dialer has no recognition model for language '" + request.language()
                    + "' (epicall.dialer.speech.languages: " + languages + ")");
        }
        return switch (source.resolve(request.questionnaireId(), request.questionnaireVersion())) {
            case QuestionnaireSource.Loaded loaded -> loaded.questionnaire().languages().contains(request.language())
                    ? Verdict.READY
                    : new Refuse("questionnaire " + request.questionnaireId() + " has no language '"
                            + request.language() + "'; it has " + loaded.questionnaire().languages());
            case QuestionnaireSource.Unavailable unavailable -> new Refuse(unavailable.reason());
            case QuestionnaireSource.NotYet notYet -> new Later(notYet.reason());
        };
    }
}
