package org.epicall.campaign.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the sign-in form's password check behind {@link LoginThrottle}: a refused sign-in gets 429 with
 * Retry-After before any password is hashed, and each failed one is counted against its user name and
 * client address. Sits in front of the form login filter.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final RequestMatcher loginPost;
    private final Refusal refusal;

    /** Writes the 429. */
    @FunctionalInterface
    public interface Refusal {
        void write(HttpServletResponse response, String detail) throws IOException;
    }

    public LoginThrottleFilter(LoginThrottle throttle, String loginPath, Refusal refusal) {
        this.throttle = throttle;
        this.loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !loginPost.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LoginThrottle.Attempt attempt = throttle.begin(request.getParameter("username"), request.getRemoteAddr());
        if (attempt.permit().isEmpty()) {
            response.setHeader("Retry-After", Long.toString(throttle.retryAfterSeconds()));
            refusal.write(response, attempt.refusal());
            return;
        }
        try (LoginThrottle.Permit permit = attempt.permit().get()) {
            chain.doFilter(request, response);
        }
    }

    /** The form login's failure handling, counting each failure against the user name and the address first. */
    public AuthenticationFailureHandler countingFailures(AuthenticationFailureHandler then) {
        return (request, response, e) -> {
            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
            then.onAuthenticationFailure(request, response, e);
        };
    }
}
