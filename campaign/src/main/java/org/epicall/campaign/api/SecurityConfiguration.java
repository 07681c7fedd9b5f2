package org.epicall.campaign.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.config.SecurityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.epicall.campaign.auth.ApiTokenFilter;
import org.epicall.campaign.auth.ApiTokens;
import org.epicall.campaign.auth.LoginThrottle;
import org.epicall.campaign.auth.LoginThrottleFilter;
import org.epicall.campaign.auth.PasswordPolicy;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * No anonymous access. OFFICIAL manages campaigns, ANALYST reads them. The dashboard signs in with a form
 * and uses the session, with CSRF protection for its writes; API clients present a personal API token
 * ({@code Authorization: Bearer}), which browsers never send on their own, so only those requests skip
 * the CSRF check. There is no HTTP Basic: a browser caches Basic credentials and sends them with any
 * site's form posts, and it would cost a password hash per request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String OFFICIAL = SecurityProperties.Role.OFFICIAL.name();
    private static final String ANALYST = SecurityProperties.Role.ANALYST.name();
    /** Swagger UI sets inline styles; nothing here runs inline script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json, CampaignProperties properties)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        AuthenticationEntryPoint signInRequired = signInRequired(json);
        LoginThrottleFilter loginThrottle = new LoginThrottleFilter(
                new LoginThrottle(properties.security().loginThrottle()), "/login",
                (response, detail) -> write(response, json, HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled",
                        "Too many sign-ins", detail));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/login", "/error").permitAll()
                        // What the sign-in page itself loads.
                        .requestMatchers(HttpMethod.GET, "/login.js", "/i18n.js", "/dashboard.css").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/do-not-call", "/api/audit", "/api/campaigns/*/flagged.csv",
                                "/api/campaigns/*/residents/*/recordings/**").hasRole(OFFICIAL)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ANALYST, OFFICIAL)
                        .requestMatchers("/api/**").hasRole(OFFICIAL)
                        .requestMatchers("/actuator/**").hasAnyRole(ANALYST, OFFICIAL)
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(ApiTokens.of(properties.security().users()), signInRequired),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(loginThrottle.countingFailures(
                                new SimpleUrlAuthenticationFailureHandler("/login?error"))))
                .logout(Customizer.withDefaults())
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(ApiTokenFilter.BEARER))
                // Scripts and styles only from this origin, no framing, no form posts elsewhere; the dashboard's
                // URLs (campaign ids) go to no other site.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(signInRequired, api)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            if (!signedIn()) {
                                // The CSRF check runs before sign-in is asked for: say what is missing first.
                                signInRequired.commence(request, response,
                                        new InsufficientAuthenticationException(e.getMessage(), e));
                            } else if (e instanceof CsrfException) {
                                write(response, json, HttpStatus.FORBIDDEN, "csrf", "CSRF token missing or wrong",
                                        "this " + request.getMethod() + " came without the dashboard's CSRF token;"
                                                + " the dashboard sends it, API clients use a personal API token"
                                                + " (Authorization: Bearer ...)");
                            } else {
                                write(response, json, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                        "your role may not " + request.getMethod() + " " + request.getRequestURI()
                                                + "; managing campaigns needs the OFFICIAL role");
                            }
                        }, api));
        return http.build();
    }

    private static boolean signedIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
    }

    private static AuthenticationEntryPoint signInRequired(JsonMapper json) {
        return (request, response, e) -> {
            // Bearer, not Basic: a Basic challenge makes browsers prompt and then replay the password.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"epicall\"");
            String detail = e instanceof InsufficientAuthenticationException
                    ? "this API needs an OFFICIAL or ANALYST user: a personal API token (Authorization: Bearer ...)"
                            + " or the dashboard's sign-in"
                    : "the API token was not accepted; use a personal API token of an OFFICIAL or ANALYST user";
            write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required", detail);
        };
    }

    @Bean
    UserDetailsService users(CampaignProperties properties) {
        PasswordPolicy.check(properties.security());
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.security().users()) {
            manager.createUser(User.withUsername(user.username())
                    .password(user.password())
                    .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                    .build());
        }
        return manager;
    }

    private static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
                              String title, String detail) throws IOException {
        ProblemDetail problem = ApiProblems.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
