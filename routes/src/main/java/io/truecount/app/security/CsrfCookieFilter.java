package io.truecount.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes sure a browser has the {@code XSRF-TOKEN} cookie. Spring Security creates the token lazily, only when a page
 * asks for it; our pages are static files whose JavaScript reads the cookie, so nothing would ever ask. Bearer and
 * webhook requests get no cookie: they are not browsers and not CSRF-checked.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!TokenAuthenticationFilter.isBearer(request)
                && !request.getRequestURI().startsWith("/webhooks/")) {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
        }
        chain.doFilter(request, response);
    }
}
