package org.epicall.campaign.schedule;

/** A calling window or retry policy that a campaign cannot use; names the field and what to do. */
public class InvalidScheduleException extends IllegalArgumentException {

    private final String field;

    public InvalidScheduleException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field of {@link CampaignSchedule} at fault, e.g. {@code windowEnd}. */
    public String field() {
        return field;
    }
}
