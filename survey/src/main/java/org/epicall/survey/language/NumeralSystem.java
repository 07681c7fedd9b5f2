package org.epicall.survey.language;

/** How a language says numbers; selects the number grammar the interpreter applies. */
public enum NumeralSystem {
    /** 삼십칠 점 오: digits 일–구 with 십, 백, 천 multipliers, 점 then one digit word per decimal. */
    SINO_KOREAN,
    /** thirty seven point five, a hundred and one: units, teens, tens, hundred, point then digits. */
    ENGLISH
}
