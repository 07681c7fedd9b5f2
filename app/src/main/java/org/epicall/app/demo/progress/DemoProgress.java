package org.epicall.app.demo.progress;

/**
 * Where the demo campaign stands at one moment: counts of residents and of attempts.
 *
 * @param residents residents in the campaign
 * @param dialed    attempts placed so far (a resident called three times counts three)
 * @param answered  attempts the resident picked up
 * @param completed residents surveyed (complete, partial or declined)
 * @param retrying  residents waiting for their next attempt
 * @param failed    residents given up on after an outcome that is not retried (e.g. rejected)
 * @param exhausted residents out of attempts
 * @param dialing   residents with an attempt outstanding right now
 */
public record DemoProgress(long residents, long dialed, long answered, long completed, long retrying, long failed,
                           long exhausted, long dialing) {

    public DemoProgress {
        if (residents < 0 || dialed < 0 || answered < 0 || completed < 0 || retrying < 0 || failed < 0
                || exhausted < 0 || dialing < 0) {
            throw new IllegalArgumentException("progress counts must not be negative");
        }
    }

    /** Residents whose calls are over: completed, failed or out of attempts. */
    public long accounted() {
        return completed + failed + exhausted;
    }

    /** True once every resident is accounted for. */
    public boolean done() {
        return residents > 0 && accounted() >= residents;
    }

    /** Share of residents accounted for, 0..1. */
    public double fraction() {
        return residents == 0 ? 0 : Math.min(1.0, (double) accounted() / residents);
    }
}
