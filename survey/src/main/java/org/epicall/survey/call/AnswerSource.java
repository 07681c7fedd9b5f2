package org.epicall.survey.call;

/** How the resident gave an answer. */
public enum AnswerSource {
    VOICE,
    KEYPAD,
    NONE
}
