package org.epicall.messaging;

import java.util.Optional;

import org.epicall.survey.call.SurveyResponse;

/**
 * Decides whether a survey result carries the resident's phone number. Numbers stay out of
 * results unless the campaign turns them on; the campaign service supplies an implementation
 * that knows which campaigns do.
 *
 * <p>Implementations must be thread-safe and fast: they run on every published result.
 */
@FunctionalInterface
public interface PhoneNumberDisclosure {

    /** Never discloses a number: the default. */
    PhoneNumberDisclosure NEVER = response -> Optional.empty();

    /** The E.164 number to put in the result, or empty to leave it out. */
    Optional<String> phoneNumberFor(SurveyResponse response);
}
