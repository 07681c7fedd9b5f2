package org.epicall.pbx.load;

import java.time.Duration;
import java.util.Locale;

/**
 * What a load run achieved.
 *
 * @param targetRate  Originates per second aimed for
 * @param sent        Originates written
 * @param responded   OriginateResponses received for them
 * @param succeeded   of which Response: Success
 * @param sending     time spent writing Originates
 * @param total       time from the first Originate to the last OriginateResponse
 * @param latencies   sorted nanoseconds from each Originate to its OriginateResponse
 */
public record LoadReport(double targetRate, long sent, long responded, long succeeded, Duration sending,
                         Duration total, long[] latencies) {

    /** Originates written per second while sending. */
    public double achievedRate() {
        return sending.isZero() ? 0 : sent / (sending.toNanos() / 1e9);
    }

    /** OriginateResponses received per second, first Originate to last response. */
    public double completedRate() {
        return total.isZero() ? 0 : responded / (total.toNanos() / 1e9);
    }

    /** Originates whose OriginateResponse never came within the drain time. */
    public long missing() {
        return sent - responded;
    }

    /** The latency percentile (0..100) in milliseconds, or NaN if nothing was measured. */
    public double percentileMillis(double percentile) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * latencies.length) - 1;
        return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
    }

    /** One figure a line, {@code name: value unit}, each name prefixed with {@code prefix}. */
    public String format(String prefix) {
        return String.format(Locale.ROOT, """
                %1$starget rate: %2$.1f originates/s
                %1$sachieved rate: %3$.1f originates/s
                %1$scompleted rate: %4$.1f responses/s
                %1$soriginates sent: %5$d calls
                %1$soriginate responses: %6$d calls
                %1$sanswered: %7$d calls
                %1$smissing responses: %8$d calls
                %1$slatency p50: %9$.2f ms
                %1$slatency p99: %10$.2f ms
                %1$slatency max: %11$.2f ms
                """, prefix, targetRate, achievedRate(), completedRate(), sent, responded, succeeded, missing(),
                percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }
}
