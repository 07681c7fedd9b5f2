package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.language.NumberWords;
import org.epicall.survey.questionnaire.NumberSpec;

/**
 * Reads one number with its unit. Exactly one number must be heard ("삼십칠 아니 삼십팔" is no
 * match), it must be well-formed, have no more decimals than the question allows, and lie in the
 * plausible range (after a °F conversion where allowed, which lowers confidence a little). A number
 * with a unit of another quantity (열한 시: a clock time; 오천 원: money; 세 번: a count) or said in
 * the numerals that count things is no match: it is not the question's number.
 */
final class NumberReader {

    private enum Meaning { DEGREES, CELSIUS, FAHRENHEIT, HALF, TENTHS, IGNORABLE, FOREIGN_UNIT, NATIVE_NUMERAL, FILLER }

    /** The number heard in a transcript before range checks, or why there is none ({@code value} null). */
    record Heard(BigDecimal value, String problem, boolean saidCelsius, boolean saidFahrenheit, Coverage coverage) {
        static Heard none(String problem) {
            return new Heard(null, problem, false, false, null);
        }
    }

    static final double CONVERSION_PENALTY = 0.9;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private NumberReader() {
    }

    static Interpretation read(LanguagePack pack, NumberSpec spec, List<String> tokens, double recogniserConfidence,
                               Set<String> echo) {
        Heard heard = hear(pack, tokens, echo, spec.unit());
        if (heard.value() == null) {
            return Interpretation.noMatch(heard.problem());
        }
        if (heard.value().stripTrailingZeros().scale() > spec.decimals()) {
            return Interpretation.noMatch("heard " + heard.value().toPlainString() + ", which has more than "
                    + spec.decimals() + " decimal place(s)");
        }
        boolean celsiusOnly = heard.saidCelsius() || !heard.saidFahrenheit() && !pack.numbers().implicitFahrenheit();
        Optional<Temperatures.InRange> inRange = Temperatures.inRange(spec, heard.value(), heard.saidFahrenheit(), celsiusOnly);
        if (inRange.isEmpty()) {
            return Interpretation.noMatch("heard " + heard.value().toPlainString() + ", outside the plausible range "
                    + spec.min().toPlainString() + "–" + spec.max().toPlainString() + " " + spec.unit());
        }
        double confidence = heard.coverage().confidence(recogniserConfidence);
        if (inRange.get().converted() && !heard.saidFahrenheit()) {
            confidence *= CONVERSION_PENALTY;
        }
        return Interpretation.of(inRange.get().value(), confidence, inRange.get().note());
    }

    /** The one number in {@code tokens}, or why there is none; {@code unit} is the question's own. */
    static Heard hear(LanguagePack pack, List<String> tokens, Set<String> echo, String unit) {
        NumberGrammar grammar = NumberGrammar.cached(pack);
        List<String> expanded = new ArrayList<>();
        tokens.forEach(token -> expanded.addAll(grammar.splitUnitSuffix(token)));
        PhraseMatcher<Meaning> matcher = IdentityCache.SHARED.get("number", pack, null, () -> matcher(pack));
        List<List<String>> runs = new ArrayList<>();
        List<String> run = null;
        boolean celsius = false;
        boolean fahrenheit = false;
        int halves = 0;
        int tenthsAfterRun = -1;
        int tenthsMarkers = 0;
        Coverage coverage = new Coverage(echo);
        String foreignUnit = null;
        String nativeNumeral = null;
        for (PhraseMatcher.Item<Meaning> item : matcher.match(expanded)) {
            if (item.is(Meaning.FILLER)) {
                continue;
            }
            if (item.is(Meaning.FOREIGN_UNIT) && !unit.contains(item.text())) {
                foreignUnit = foreignUnit == null ? item.text() : foreignUnit;
            }
            if (item.is(Meaning.NATIVE_NUMERAL)) {
                nativeNumeral = nativeNumeral == null ? item.text() : nativeNumeral;
            }
            if (!item.known() && grammar.isNumberToken(item.text())) {
                if (run == null) {
                    run = new ArrayList<>();
                    runs.add(run);
                }
                run.add(item.text());
                coverage.known(1);
                continue;
            }
            if (item.is(Meaning.TENTHS)) {
                tenthsMarkers++;
                tenthsAfterRun = run == null ? -1 : runs.size() - 1;
            }
            run = null;
            halves += item.is(Meaning.HALF) ? 1 : 0;
            celsius |= item.is(Meaning.CELSIUS);
            fahrenheit |= item.is(Meaning.FAHRENHEIT);
            if (item.known()) {
                coverage.known(item.length());
            } else {
                coverage.unknown(item);
            }
        }
        if (foreignUnit != null) {
            return Heard.none("heard '" + foreignUnit + "': a clock time, an amount of money or a count, not " + unit);
        }
        if (nativeNumeral != null) {
            return Heard.none("heard the counting numeral '" + nativeNumeral + "', which is not how " + unit + " is said");
        }
        if (runs.isEmpty()) {
            return Heard.none("no number heard");
        }
        if (tenthsMarkers > 0) {
            return withTenths(grammar, runs, tenthsMarkers, tenthsAfterRun, celsius, fahrenheit, halves, coverage);
        }
        if (runs.size() > 1) {
            return Heard.none("heard more than one number: " + runs.stream().map(r -> String.join(" ", r)).toList());
        }
        if (celsius && fahrenheit) {
            return Heard.none("heard both Celsius and Fahrenheit");
        }
        Optional<BigDecimal> value = grammar.parse(runs.getFirst());
        if (value.isEmpty()) {
            return Heard.none("'" + String.join(" ", runs.getFirst()) + "' is not a well-formed number");
        }
        if (halves > 1 || halves == 1 && value.get().stripTrailingZeros().scale() > 0) {
            return Heard.none("'and a half' does not fit '" + String.join(" ", runs.getFirst()) + "'");
        }
        BigDecimal number = halves == 1 ? value.get().add(HALF) : value.get();
        return new Heard(number, "", celsius, fahrenheit, coverage);
    }

    /** 삼십칠 도 오 부: whole degrees, then one digit of tenths marked by 부. */
    private static Heard withTenths(NumberGrammar grammar, List<List<String>> runs, int markers, int markedRun,
                                    boolean celsius, boolean fahrenheit, int halves, Coverage coverage) {
        if (runs.size() != 2 || markers != 1 || markedRun != 1 || halves > 0 || fahrenheit) {
            return Heard.none("'부' (tenths) must follow one digit after the whole degrees, as in 삼십칠 도 오 부");
        }
        Optional<BigDecimal> whole = grammar.parse(runs.getFirst()).filter(value -> value.stripTrailingZeros().scale() <= 0);
        Optional<BigDecimal> tenths = grammar.parse(runs.getLast())
                .filter(value -> value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.TEN) < 0);
        if (whole.isEmpty() || tenths.isEmpty()) {
            return Heard.none("'" + String.join(" ", runs.getFirst()) + " … " + String.join(" ", runs.getLast())
                    + " 부' is not whole degrees and one digit of tenths");
        }
        return new Heard(whole.get().add(tenths.get().movePointLeft(1)), "", celsius, false, coverage);
    }

    private static PhraseMatcher<Meaning> matcher(LanguagePack pack) {
        NumberWords words = pack.numbers();
        return new PhraseMatcher<Meaning>(List.of())
                .add(words.degrees(), Meaning.DEGREES)
                .add(words.celsius(), Meaning.CELSIUS)
                .add(words.fahrenheit(), Meaning.FAHRENHEIT)
                .add(words.half(), Meaning.HALF)
                .add(words.tenths(), Meaning.TENTHS)
                .add(words.ignorable(), Meaning.IGNORABLE)
                .add(words.foreignUnits(), Meaning.FOREIGN_UNIT)
                .add(words.nativeNumerals(), Meaning.NATIVE_NUMERAL)
                .add(pack.fillers(), Meaning.FILLER);
    }
}
