package org.epicall.campaign.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.epicall.campaign.config.SecurityProperties;

/**
 * Failed sign-ins allowed per user name and per client address, each a resilience4j rate limiter of
 * failures: a sign-in is checked only while both still have a failure to spare, and each failure spends
 * one. At most {@code concurrentChecks} passwords are hashed at once, so a flood of sign-ins from many
 * addresses costs at most that many cores. Limiters of names and addresses not seen for two periods are
 * forgotten. Thread-safe.
 */
public final class LoginThrottle {

    private final RateLimiterConfig perUser;
    private final RateLimiterConfig perAddress;
    private final Cache<String, RateLimiter> users;
    private final Cache<String, RateLimiter> addresses;
    private final Semaphore checks;
    private final Duration period;

    public LoginThrottle(SecurityProperties.LoginThrottle settings) {
        this.period = settings.period();
        this.perUser = config(settings.failuresPerUser(), settings.period());
        this.perAddress = config(settings.failuresPerAddress(), settings.period());
        this.users = Caffeine.newBuilder().expireAfterAccess(settings.period().multipliedBy(2)).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterAccess(settings.period().multipliedBy(2)).maximumSize(100_000).build();
        this.checks = new Semaphore(settings.concurrentChecks());
    }

    private static RateLimiterConfig config(int failures, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(failures).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }

    /**
     * Asks to check a password for {@code username} from {@code address}.
     *
     * @return a permit to {@link Permit#close()} after the check, or empty with why not, to answer 429
     */
    public Attempt begin(String username, String address) {
        if (user(username).getMetrics().getAvailablePermissions() <= 0) {
            return Attempt.refused("too many failed sign-ins for this user; try again in " + period.toSeconds() + " s");
        }
        if (address(address).getMetrics().getAvailablePermissions() <= 0) {
            return Attempt.refused("too many failed sign-ins from this address; try again in " + period.toSeconds() + " s");
        }
        if (!checks.tryAcquire()) {
            return Attempt.refused("too many sign-ins are being checked right now; try again in a moment");
        }
        return new Attempt(Optional.of(checks::release), null);
    }

    /** Spends one failure of the user name's and of the address's allowance. */
    public void failed(String username, String address) {
        user(username).acquirePermission();
        address(address).acquirePermission();
    }

    /** Seconds a refused client should wait. */
    public long retryAfterSeconds() {
        return Math.max(1, period.toSeconds());
    }

    private RateLimiter user(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return users.get(key, k -> RateLimiter.of("login-user", perUser));
    }

    private RateLimiter address(String address) {
        return addresses.get(address == null ? "" : address, k -> RateLimiter.of("login-address", perAddress));
    }

    /** A permit to check one password, released when closed. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The answer to {@link #begin}.
     *
     * @param permit  present when the password may be checked
     * @param refusal why not, otherwise
     */
    public record Attempt(Optional<Permit> permit, String refusal) {
        static Attempt refused(String why) {
            return new Attempt(Optional.empty(), why);
        }
    }
}
