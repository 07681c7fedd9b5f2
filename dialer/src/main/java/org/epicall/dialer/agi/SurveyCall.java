package org.epicall.dialer.agi;

/**
 * The attempt an AGI session belongs to, as found through the channel variable
 * {@code EPICALL_ATTEMPT} set on the Originate.
 *
 * @param server               the Asterisk server carrying the call, as the dialer names it
 * @param questionnaireVersion the version of the questionnaire the campaign asked for; null: the one shipped
 *                             with the dialer under {@code questionnaireId}
 */
public record SurveyCall(String attemptId, String campaignId, String contactRef, String questionnaireId,
        String language, String server, String questionnaireVersion) {

    /** A call running a questionnaire shipped with the dialer. */
    public SurveyCall(String attemptId, String campaignId, String contactRef, String questionnaireId, String language,
            String server) {
        this(attemptId, campaignId, contactRef, questionnaireId, language, server, null);
    }
}
