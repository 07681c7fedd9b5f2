package org.epicall.campaign.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard's sign-in page, in Korean and English like the dashboard, in place of Spring Security's
 * generated one. The form carries the request's CSRF token, written into the page by the server.
 */
@Controller
class SignInPage {

    private static final String TEMPLATE = read();

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String html = TEMPLATE
                .replace("{{csrfParameter}}", token == null ? "_csrf" : HtmlUtils.htmlEscape(token.getParameterName()))
                .replace("{{csrfToken}}", token == null ? "" : HtmlUtils.htmlEscape(token.getToken()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }

    private static String read() {
        try (InputStream in = SignInPage.class.getResourceAsStream("/templates/login.html")) {
            if (in == null) {
                throw new IllegalStateException("templates/login.html is missing from the campaign service's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
