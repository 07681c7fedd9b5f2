package org.epicall.campaign.audit;

/** What an audited user did. Stored by name: never rename a constant, only add new ones. */
public enum AuditAction {
    /** Created a campaign; the detail names its questionnaire and roster file. */
    CAMPAIGN_CREATED,
    CAMPAIGN_STARTED,
    CAMPAIGN_PAUSED,
    CAMPAIGN_RESUMED,
    CAMPAIGN_CANCELLED,
    /** Recorded that a flagged resident was called back; the subject is their contactRef. */
    RESIDENT_FOLLOWED_UP,
    /** Played a resident's recorded answer; the subject is their contactRef, the detail the question. */
    RECORDING_PLAYED,
    /** Downloaded the flagged residents with names and numbers; the detail says which filter and how many. */
    FLAGGED_EXPORTED,
    /** Uploaded their own recording of a prompt; the subject is the prompt, the detail its language. */
    PROMPT_UPLOADED,
    /** Had the prompts without a recording rendered from the questionnaire's text; the detail says how many. */
    PROMPTS_RENDERED
}
