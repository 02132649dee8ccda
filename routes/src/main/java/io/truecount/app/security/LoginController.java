package io.truecount.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's login: {@code GET /login} shows {@code static/login.html}; {@code POST /login} with form field
 * {@code token} (and the CSRF token as {@code _csrf}) opens a session for that token's holder. A failed login is 401
 * and never says whether the token was unknown, revoked or mistyped.
 */
@Controller
@ConditionalOnWebApplication
class LoginController {

    /** Where login.html shows a failed login; a restyled page without the marker just shows no message. */
    static final String ERROR_MARKER = "<!--login-error-->";

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    private final ApiTokens tokens;
    private final CsrfTokenRepository csrfTokens;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    LoginController(ApiTokens tokens, CsrfTokenRepository csrfTokens) {
        this.tokens = tokens;
        this.csrfTokens = csrfTokens;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(loginPage());
    }

    @PostMapping("/login")
    ResponseEntity<String> login(
            @RequestParam(name = "token", required = false) String token,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<TokenPrincipal> principal = tokens.authenticate(token == null ? null : token.strip());
        if (principal.isEmpty()) {
            log.info("Console login failed from {}", request.getRemoteAddr());
            return failed(request);
        }
        // A new session id on login: an id planted in the browser before login must not become an authenticated one.
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(TokenAuthenticationFilter.authentication(principal.get()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        // Likewise a fresh CSRF token: the next page load issues a new cookie.
        csrfTokens.saveToken(null, request, response);
        log.info(
                "Console login of token '{}' ({}) from {}",
                principal.get().name(),
                principal.get().role().id(),
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, request.getContextPath() + "/")
                .build();
    }

    private ResponseEntity<String> failed(HttpServletRequest request) throws IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            String page = loginPage()
                    .replace(
                            ERROR_MARKER, "<p class=\"login-error\" role=\"alert\">Login failed. Check the token.</p>");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.TEXT_HTML)
                    .body(page);
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"Login failed.\",\"instance\":\"/login\"}");
    }

    private static String loginPage() throws IOException {
        try (InputStream in = new ClassPathResource("static/login.html").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
