package org.epicall.survey.answer;

/** What the call does with an interpreted answer. */
public enum Decision {
    /** The value is trusted and recorded. */
    ACCEPT,
    /** The answer was unclear; ask the question again by voice. */
    REASK,
    /** Voice failed; ask the resident to use the keypad. */
    KEYPAD,
    /** Nothing usable came back at all, by voice or keypad; the question stays unanswered. */
    UNANSWERED
}
