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
import org.springframework.security.authentication.InsufficientAuthenticationException;
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
 * No anonymous access. OFFICIAL manages campaigns, ANALYST reads them. The API takes HTTP Basic; the
 * dashboard signs in with a form and uses the session, with CSRF protection for its writes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String OFFICIAL = SecurityProperties.Role.OFFICIAL.name();
    private static final String ANALYST = SecurityProperties.Role.ANALYST.name();

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/login", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/do-not-call").hasRole(OFFICIAL)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ANALYST, OFFICIAL)
                        .requestMatchers("/api/**").hasRole(OFFICIAL)
                        .requestMatchers("/actuator/**").hasAnyRole(ANALYST, OFFICIAL)
                        .anyRequest().authenticated())
                // Wrong credentials get the same problem detail as missing ones, not the filter's empty 401.
                .httpBasic(basic -> basic.realmName("epicall").authenticationEntryPoint(signInRequired(json)))
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                .logout(Customizer.withDefaults())
                // Requests carrying Basic credentials are not ambient-credential browser requests.
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(signInRequired(json), api)
                        .defaultAccessDeniedHandlerFor((request, response, e) ->
                                write(response, json, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                        "your role may not " + request.getMethod() + " " + request.getRequestURI()
                                                + "; managing campaigns needs the OFFICIAL role"), api));
        return http.build();
    }

    private static AuthenticationEntryPoint signInRequired(JsonMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"epicall\"");
            String detail = e instanceof InsufficientAuthenticationException
                    ? "this API needs HTTP Basic credentials of an OFFICIAL or ANALYST user"
                    : "the user name or password was not accepted; sign in as an OFFICIAL or ANALYST user";
            write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required", detail);
        };
    }

    @Bean
    UserDetailsService users(CampaignProperties properties) {
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
