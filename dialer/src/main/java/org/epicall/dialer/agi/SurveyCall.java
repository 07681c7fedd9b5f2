package org.epicall.dialer.agi;

/**
 * The attempt an AGI session belongs to, as found through the channel variable
 * {@code EPICALL_ATTEMPT} set on the Originate.
 *
 * @param server the Asterisk server carrying the call, as the dialer names it
 */
public record SurveyCall(String attemptId, String campaignId, String contactRef, String questionnaireId,
        String language, String server) {
}
