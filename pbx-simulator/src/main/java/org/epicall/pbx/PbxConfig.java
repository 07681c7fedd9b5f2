package org.epicall.pbx;

import org.epicall.pbx.agi.AsteriskUser;
import org.epicall.pbx.ami.AmiUser;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.FailureEventOrder;
import org.epicall.pbx.call.TimeScale;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.sound.MissingSounds;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Everything a {@link PbxSimulator} needs. Build one with {@link #builder()}; every setting has a default.
 *
 * @param bindAddress         address the AMI server listens on (default {@code 127.0.0.1})
 * @param amiPort             AMI TCP port; 0 picks a free one (default 0)
 * @param users               manager.conf users (default: {@code dialer}/{@code secret} with all rights and
 *                            {@code dialer-min}/{@code secret} with read {@code call,agi}, write {@code originate})
 * @param timeScale           how much faster than real time calls run (default 1)
 * @param maxCalls            asterisk.conf {@code maxcalls}: dialplan threads at once, 0 for no limit (default
 *                            20,000). Asterisk counts threads: a Local call answered into a context uses two, its far
 *                            half one from the moment it is dialled (ami-27)
 * @param maxLoad             asterisk.conf {@code maxload}: no dialplan thread starts while {@code loadAverage} is at
 *                            or above it; 0 for no limit (default 0)
 * @param loadAverage         the 1-minute load average (default: the operating system's)
 * @param failureOrder        where a failed Originate's response falls among its hangup events (default
 *                            {@link FailureEventOrder#VARIED})
 * @param dialplan            survey contexts and resident routing (default: {@code survey} runs
 *                            {@code agi://127.0.0.1:4573/survey}; {@code Local/<n>@residents}, {@code PJSIP/<n>@trunk})
 * @param residents           who answers which number (default: nobody)
 * @param missingSounds       what STREAM FILE and Playback do with a sound file that does not exist (default
 *                            {@link MissingSounds#FAIL}, as Asterisk)
 * @param promptDuration      how long a missing sound plays under {@link MissingSounds#PLAY} (default 1.5 s)
 * @param soundsDirectory     where relative STREAM FILE / RECORD FILE paths resolve (default: the working dir)
 * @param asteriskUser        whose file permissions RECORD FILE writes with (default {@link AsteriskUser#SIMULATOR})
 * @param agiConnectTimeout   how long to wait for the FastAGI server to accept (default 2 s, real time)
 * @param maxQueuedPerSession AMI messages that may wait for a slow client before it is disconnected (default 200,000)
 */
public record PbxConfig(String bindAddress, int amiPort, List<AmiUser> users, TimeScale timeScale, int maxCalls,
                        double maxLoad, DoubleSupplier loadAverage, FailureEventOrder failureOrder,
                        Dialplan dialplan, ResidentDirectory residents, MissingSounds missingSounds,
                        Duration promptDuration, Path soundsDirectory, AsteriskUser asteriskUser,
                        Duration agiConnectTimeout, int maxQueuedPerSession) {

    public PbxConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        users = List.copyOf(users);
        Objects.requireNonNull(timeScale, "timeScale");
        Objects.requireNonNull(dialplan, "dialplan");
        Objects.requireNonNull(residents, "residents");
        Objects.requireNonNull(promptDuration, "promptDuration");
        Objects.requireNonNull(loadAverage, "loadAverage");
        Objects.requireNonNull(failureOrder, "failureOrder");
        Objects.requireNonNull(missingSounds, "missingSounds");
        Objects.requireNonNull(asteriskUser, "asteriskUser");
        Objects.requireNonNull(soundsDirectory, "soundsDirectory");
        Objects.requireNonNull(agiConnectTimeout, "agiConnectTimeout");
        if (amiPort < 0 || amiPort > 65535) {
            throw new IllegalArgumentException("amiPort must be 0..65535, got " + amiPort);
        }
        if (maxCalls < 0) {
            throw new IllegalArgumentException("maxCalls must be 0 (no limit) or more, got " + maxCalls);
        }
        if (!(maxLoad >= 0) || Double.isInfinite(maxLoad)) {
            throw new IllegalArgumentException("maxLoad must be 0 (no limit) or a positive number, got " + maxLoad);
        }
        if (maxQueuedPerSession < 16) {
            throw new IllegalArgumentException("maxQueuedPerSession must be at least 16, got " + maxQueuedPerSession);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction with defaults. Not thread-safe. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int amiPort;
        private List<AmiUser> users = List.of(AmiUser.fullRights("dialer", "secret"),
                AmiUser.minimal("dialer-min", "secret"));
        private TimeScale timeScale = TimeScale.REAL_TIME;
        private int maxCalls = 20_000;
        private double maxLoad;
        private DoubleSupplier loadAverage = ManagementFactory.getOperatingSystemMXBean()::getSystemLoadAverage;
        private FailureEventOrder failureOrder = FailureEventOrder.VARIED;
        private Dialplan dialplan = Dialplan.survey(URI.create("agi://127.0.0.1:4573/survey"));
        private ResidentDirectory residents = ResidentDirectory.empty();
        private MissingSounds missingSounds = MissingSounds.FAIL;
        private Duration promptDuration = Duration.ofMillis(1500);
        private Path soundsDirectory = Path.of("");
        private AsteriskUser asteriskUser = AsteriskUser.SIMULATOR;
        private Duration agiConnectTimeout = Duration.ofSeconds(2);
        private int maxQueuedPerSession = 200_000;

        public Builder bindAddress(String value) {
            this.bindAddress = value;
            return this;
        }

        public Builder amiPort(int value) {
            this.amiPort = value;
            return this;
        }

        public Builder users(List<AmiUser> value) {
            this.users = value;
            return this;
        }

        public Builder timeScale(double factor) {
            this.timeScale = new TimeScale(factor);
            return this;
        }

        public Builder maxCalls(int value) {
            this.maxCalls = value;
            return this;
        }

        public Builder maxLoad(double value) {
            this.maxLoad = value;
            return this;
        }

        public Builder loadAverage(DoubleSupplier value) {
            this.loadAverage = value;
            return this;
        }

        public Builder failureOrder(FailureEventOrder value) {
            this.failureOrder = value;
            return this;
        }

        public Builder missingSounds(MissingSounds value) {
            this.missingSounds = value;
            return this;
        }

        public Builder asteriskUser(AsteriskUser value) {
            this.asteriskUser = value;
            return this;
        }

        public Builder dialplan(Dialplan value) {
            this.dialplan = value;
            return this;
        }

        /** Shorthand for the default dialplan with context {@code survey} running this FastAGI URL. */
        public Builder agi(URI agiUrl) {
            this.dialplan = Dialplan.survey(agiUrl);
            return this;
        }

        public Builder residents(ResidentDirectory value) {
            this.residents = value;
            return this;
        }

        public Builder promptDuration(Duration value) {
            this.promptDuration = value;
            return this;
        }

        public Builder soundsDirectory(Path value) {
            this.soundsDirectory = value;
            return this;
        }

        public Builder agiConnectTimeout(Duration value) {
            this.agiConnectTimeout = value;
            return this;
        }

        public Builder maxQueuedPerSession(int value) {
            this.maxQueuedPerSession = value;
            return this;
        }

        public PbxConfig build() {
            return new PbxConfig(bindAddress, amiPort, users, timeScale, maxCalls, maxLoad, loadAverage, failureOrder,
                    dialplan, residents, missingSounds, promptDuration, soundsDirectory, asteriskUser,
                    agiConnectTimeout, maxQueuedPerSession);
        }
    }
}
