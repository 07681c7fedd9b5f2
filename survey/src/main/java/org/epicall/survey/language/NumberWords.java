package org.epicall.survey.language;

import java.util.List;
import java.util.Map;

/**
 * Number vocabulary of a language; which parts are used depends on the {@link NumeralSystem}.
 *
 * @param digits        digit words 0–9 (both systems; also the digits after the decimal point)
 * @param teens         English ten–nineteen
 * @param tens          English twenty–ninety
 * @param multipliers   십/백/천, hundred/thousand
 * @param point         decimal point words (점, point)
 * @param joiners       English "and" in "a hundred and one"
 * @param articles      English "a" in "a hundred"
 * @param degrees       unit words for degrees of either scale (도, degrees)
 * @param celsius       unit words for °C only (섭씨, celsius)
 * @param fahrenheit    unit words for °F (화씨, fahrenheit)
 * @param implicitFahrenheit whether a number plausible only in °F is converted without the resident
 *                      saying Fahrenheit (en: yes; ko: no, Korea measures in °C)
 * @param half          words adding a half to a whole number (삼십칠 도 반, ninety nine and a half)
 * @param tenths        Korean 부 marking one digit of tenths after whole degrees (삼십칠 도 오 부 = 37.5)
 * @param unitSuffixes  Korean unit endings glued to a number word (오도, 칠도요)
 * @param ignorable     words said around a number that change nothing (정도, about)
 * @param foreignUnits  units that make a number something else than the question's quantity: a clock
 *                      time (열한 시), money (오천 원), a count (세 번); heard beside a number, the
 *                      answer is no match rather than that number read as, say, a temperature
 * @param nativeNumerals numerals of another system that count things and tell the time (Korean 하나,
 *                      둘, 스물): never the question's number, so never read as a stray word around it
 */
public record NumberWords(
        Map<String, Integer> digits,
        Map<String, Integer> teens,
        Map<String, Integer> tens,
        Map<String, Integer> multipliers,
        List<String> point,
        List<String> joiners,
        List<String> articles,
        List<String> degrees,
        List<String> celsius,
        List<String> fahrenheit,
        Boolean implicitFahrenheit,
        List<String> half,
        List<String> tenths,
        List<String> unitSuffixes,
        List<String> ignorable,
        List<String> foreignUnits,
        List<String> nativeNumerals) {

    public NumberWords {
        digits = LanguagePack.required(digits, "numbers.digits");
        teens = LanguagePack.optional(teens);
        tens = LanguagePack.optional(tens);
        multipliers = LanguagePack.required(multipliers, "numbers.multipliers");
        point = LanguagePack.required(point, "numbers.point");
        joiners = LanguagePack.optional(joiners);
        articles = LanguagePack.optional(articles);
        degrees = LanguagePack.optional(degrees);
        celsius = LanguagePack.optional(celsius);
        implicitFahrenheit = implicitFahrenheit == null || implicitFahrenheit;
        fahrenheit = LanguagePack.optional(fahrenheit);
        half = LanguagePack.optional(half);
        tenths = LanguagePack.optional(tenths);
        unitSuffixes = LanguagePack.optional(unitSuffixes);
        ignorable = LanguagePack.optional(ignorable);
        foreignUnits = LanguagePack.optional(foreignUnits);
        nativeNumerals = LanguagePack.optional(nativeNumerals);
    }
}
