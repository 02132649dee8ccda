package io.truecount.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 and 403 as RFC 7807 problem details, as the rest of the API answers errors. Written here rather than by the
 * MVC exception handlers because Spring Security refuses a request before it reaches a controller. Details never say
 * whether a token exists, was revoked or was mistyped.
 */
final class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, "A valid API token is required.");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            String detail = e instanceof CsrfException
                    ? "Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value as header X-XSRF-TOKEN."
                    : AccessRules.required(request)
                            .map(role -> "This needs the " + role.id() + " role.")
                            .orElse("Not allowed.");
            write(request, response, HttpStatus.FORBIDDEN, detail);
        };
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
