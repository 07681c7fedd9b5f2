package org.epicall.app.demo.summary;

/** How a resident's part in the campaign ended, as the summary reports it. */
public enum ResidentFate {
    /** Surveyed: the call took place (complete, partial or declined). */
    COMPLETED("completed"),
    /** Given up on after an outcome that is not retried, such as a rejected call. */
    FAILED("failed"),
    /** Every allowed attempt was made without reaching the resident. */
    OUT_OF_ATTEMPTS("out of attempts"),
    /** Not accounted for: still pending, dialing or retrying when the demo stopped. */
    OPEN("still open");

    private final String label;

    ResidentFate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
