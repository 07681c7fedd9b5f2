package org.epicall.pbx;

import org.epicall.pbx.ami.AmiUser;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.TimeScale;
import org.epicall.pbx.resident.ResidentDirectory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link PbxSimulator} needs. Build one with {@link #builder()}; every setting has a default.
 *
 * @param bindAddress         address the AMI server listens on (default {@code 127.0.0.1})
 * @param amiPort             AMI TCP port; 0 picks a free one (default 0)
 * @param users               manager.conf users (default: {@code dialer}/{@code secret} with all rights and
 *                            {@code dialer-min}/{@code secret} with read {@code call,agi}, write {@code originate})
 * @param timeScale           how much faster than real time calls run (default 1)
 * @param maxCalls            originated calls in progress at once before Originates fail (default 20,000)
 * @param dialplan            survey contexts and resident routing (default: {@code survey} runs
 *                            {@code agi://127.0.0.1:4573/survey}; {@code Local/<n>@residents}, {@code PJSIP/<n>@trunk})
 * @param residents           who answers which number (default: nobody)
 * @param promptDuration      how long STREAM FILE plays a prompt whose audio file is not found (default 1.5 s)
 * @param soundsDirectory     where relative STREAM FILE / RECORD FILE paths resolve (default: the working dir)
 * @param agiConnectTimeout   how long to wait for the FastAGI server to accept (default 2 s, real time)
 * @param maxQueuedPerSession AMI messages that may wait for a slow client before it is disconnected (default 200,000)
 */
public record PbxConfig(String bindAddress, int amiPort, List<AmiUser> users, TimeScale timeScale, int maxCalls,
                        Dialplan dialplan, ResidentDirectory residents, Duration promptDuration,
                        Path soundsDirectory, Duration agiConnectTimeout, int maxQueuedPerSession) {

    public PbxConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        users = List.copyOf(users);
        Objects.requireNonNull(timeScale, "timeScale");
        Objects.requireNonNull(dialplan, "dialplan");
        Objects.requireNonNull(residents, "residents");
        Objects.requireNonNull(promptDuration, "promptDuration");
        Objects.requireNonNull(soundsDirectory, "soundsDirectory");
        Objects.requireNonNull(agiConnectTimeout, "agiConnectTimeout");
        if (amiPort < 0 || amiPort > 65535) {
            throw new IllegalArgumentException("amiPort must be 0..65535, got " + amiPort);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1, got " + maxCalls);
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
        private Dialplan dialplan = Dialplan.survey(URI.create("agi://127.0.0.1:4573/survey"));
        private ResidentDirectory residents = ResidentDirectory.empty();
        private Duration promptDuration = Duration.ofMillis(1500);
        private Path soundsDirectory = Path.of("");
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
            return new PbxConfig(bindAddress, amiPort, users, timeScale, maxCalls, dialplan, residents,
                    promptDuration, soundsDirectory, agiConnectTimeout, maxQueuedPerSession);
        }
    }
}
