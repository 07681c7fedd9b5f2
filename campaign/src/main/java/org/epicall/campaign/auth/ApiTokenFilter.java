package org.epicall.campaign.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <personal API token>} for that request
 * only (no session). A browser never attaches such a header on its own, which is why these requests,
 * and only these, need no CSRF token ({@link #BEARER}).
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

    /** Requests that present a bearer token. */
    public static final RequestMatcher BEARER = request -> bearerToken(request).isPresent();

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint refused;

    public ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refused) {
        this.tokens = tokens;
        this.refused = refused;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = bearerToken(request);
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> user = tokens.authenticate(token.get());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            refused.commence(request, response, new BadCredentialsException("the API token was not accepted"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An event stream ends in an async dispatch, which is authorized again: sign it in as well. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
