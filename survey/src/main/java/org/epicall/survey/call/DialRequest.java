package org.epicall.survey.call;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One call attempt that the campaign asks a dialer to place.
 *
 * <p>{@code attemptId} is globally unique and is the idempotency key: a dialer that sees the same
 * attempt twice (a redelivered Kafka record, a restart) must not ring the resident a second time.
 *
 * @param attemptId       unique id of this attempt, never reused
 * @param campaignId      campaign the contact belongs to
 * @param contactRef      pseudonymous reference of the contact; never the phone number
 * @param phoneNumber     number to dial, E.164 (e.g. {@code +821012345678})
 * @param language        language of the call, a pack id such as {@code ko} or {@code en}
 * @param questionnaireId questionnaire to run when the call is answered
 * @param attemptNumber   1 for the first attempt at this contact, then 2, 3, …
 * @param notAfter        the dialer must not originate after this instant (end of the calling window)
 * @param questionnaireVersion the questionnaire's version as the campaign published it on
 *                        {@code epicall.questionnaires} (a hash of its text); null: the questionnaire shipped
 *                        with the dialer under {@code questionnaireId}
 */
public record DialRequest(
        String attemptId,
        String campaignId,
        String contactRef,
        String phoneNumber,
        String language,
        String questionnaireId,
        int attemptNumber,
        Instant notAfter,
        @JsonInclude(JsonInclude.Include.NON_NULL) String questionnaireVersion) {

    public DialRequest {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(contactRef, "contactRef");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attemptNumber must be >= 1, was " + attemptNumber);
        }
    }

    /** A request for a questionnaire shipped with the dialer. */
    public DialRequest(String attemptId, String campaignId, String contactRef, String phoneNumber, String language,
                       String questionnaireId, int attemptNumber, Instant notAfter) {
        this(attemptId, campaignId, contactRef, phoneNumber, language, questionnaireId, attemptNumber, notAfter, null);
    }
}
