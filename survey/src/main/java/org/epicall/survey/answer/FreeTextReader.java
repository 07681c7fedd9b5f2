package org.epicall.survey.answer;

import java.util.List;

import org.epicall.survey.language.LanguagePack;

/** Free text: whatever was said, less fillers and unrecognised stretches; nothing said is no match. */
final class FreeTextReader {

    private FreeTextReader() {
    }

    static Interpretation read(LanguagePack pack, List<String> tokens, double recogniserConfidence) {
        List<String> content = tokens.stream()
                .filter(token -> !token.equals("[unk]"))
                .filter(token -> !pack.fillers().contains(token))
                .toList();
        if (content.isEmpty()) {
            return Interpretation.nothingHeard("nothing but fillers heard");
        }
        return Interpretation.of(String.join(" ", content), Coverage.clamp(recogniserConfidence));
    }
}
