package org.epicall.survey.answer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.function.Function;

import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.questionnaire.Question;

/**
 * Turns what the recogniser heard into a typed answer with a confidence, or "no match".
 *
 * <p>The value's type follows the question type as documented on
 * {@link org.epicall.survey.call.AnsweredQuestion#value()}. The confidence is the recogniser's,
 * lowered when part of the transcript was not understood (and a little more for a °F reading of a
 * °C question, or a bare number of days). Anything ambiguous, contradictory ("yes no"), unsure
 * ("모르겠어요": {@link Interpretation#doesNotKnow()}), out of range or unknown is no match: the
 * interpreter would rather re-ask than record a wrong value. A transcript of nothing but noise
 * ({@code [unk]}) and fillers is {@link Interpretation#nothingHeard() nothing heard}: no word that
 * could answer. Yes/no and choice answers are read as
 * lemmas ({@link LanguagePack#lemmas(String)}: Korean particles and endings off, verbs to their
 * stem); numbers, days and dates as the words said.
 *
 * <p>Stateless and thread-safe; one instance may serve every call.
 */
public final class AnswerInterpreter {

    /** How a transcript marks speech the recogniser could not put words to (noise, mumbling, other words). */
    private static final String GARBAGE = "[unk]";

    private final Clock clock;
    private final Function<String, LanguagePack> packs;

    /** An interpreter using the shipped language packs and the system clock (for dates). */
    public AnswerInterpreter() {
        this(Clock.systemDefaultZone(), LanguagePack::forLanguage);
    }

    /** An interpreter using the shipped language packs and {@code clock}, which dates are relative to. */
    public AnswerInterpreter(Clock clock) {
        this(clock, LanguagePack::forLanguage);
    }

    /**
     * @param clock what "today" is for date answers
     * @param packs the language pack for a language id; must be thread-safe and throw
     *              {@link org.epicall.survey.language.LanguagePackException} for an unknown language
     */
    public AnswerInterpreter(Clock clock, Function<String, LanguagePack> packs) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.packs = Objects.requireNonNull(packs, "packs");
    }

    /**
     * Interprets one spoken answer.
     *
     * @param question             the question that was asked
     * @param language             the call's language-pack id ({@code ko}, {@code en})
     * @param transcript           what the recogniser heard; {@code null} or blank is no match
     * @param recogniserConfidence the recogniser's confidence in the transcript, 0..1
     * @return the interpretation; never {@code null}
     * @throws IllegalArgumentException if {@code recogniserConfidence} is outside 0..1
     * @throws org.epicall.survey.language.LanguagePackException if there is no pack for {@code language}
     */
    public Interpretation interpret(Question question, String language, String transcript, double recogniserConfidence) {
        Objects.requireNonNull(question, "question");
        if (!(recogniserConfidence >= 0 && recogniserConfidence <= 1)) {
            throw new IllegalArgumentException("recogniserConfidence must be in 0..1, was " + recogniserConfidence);
        }
        LanguagePack pack = packs.apply(Objects.requireNonNull(language, "language"));
        List<String> tokens = pack.tokens(transcript);
        if (tokens.isEmpty()) {
            return Interpretation.nothingHeard("nothing was heard");
        }
        if (tokens.stream().allMatch(token -> token.equals(GARBAGE) || pack.fillers().contains(token))) {
            return Interpretation.nothingHeard("only noise and fillers were heard: '" + String.join(" ", tokens) + "'");
        }
        Set<String> echo = IdentityCache.SHARED.get("echo", question, pack, () -> echo(question, pack, pack::tokens));
        return switch (question.type()) {
            case YES_NO -> YesNoReader.read(pack, question.yesNoPhrases(), question.asksPermission(),
                    pack.morphology().lemmas(tokens), recogniserConfidence, lemmaEcho(question, pack));
            case NUMBER -> NumberReader.read(pack, question.numberSpec(), tokens, recogniserConfidence, echo);
            case CHOICE -> ChoiceReader.read(pack, question.choiceSpec(),
                    pack.morphology().lemmas(tokens, ChoiceReader.optionWords(pack, question.choiceSpec())), recogniserConfidence,
                    lemmaEcho(question, pack));
            case DAYS_AGO -> DaysAgoReader.read(pack, question.numberSpec(), tokens, recogniserConfidence);
            case DATE -> DateReader.read(pack, LocalDate.now(clock), tokens, recogniserConfidence);
            case FREE_TEXT -> FreeTextReader.read(pack, tokens, recogniserConfidence);
        };
    }

    private static Set<String> lemmaEcho(Question question, LanguagePack pack) {
        return IdentityCache.SHARED.get("lemma-echo", question, pack, () -> echo(question, pack, pack::lemmas));
    }

    /** The words of the question's own prompt and re-prompt, which a resident may say back. */
    private static Set<String> echo(Question question, LanguagePack pack, Function<String, List<String>> split) {
        Set<String> words = new HashSet<>();
        for (var text : List.of(question.prompt(), question.reprompt())) {
            if (text.has(pack.language())) {
                split.apply(text.in(pack.language())).stream()
                        .filter(word -> !org.epicall.survey.language.Morphology.isEnding(word))
                        .forEach(words::add);
            }
        }
        return Set.copyOf(words);
    }
}
