package io.truecount.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} for this request only (nothing is stored in a session), and ends
 * a console session whose token has been revoked since its login. A bearer header with an unknown or revoked token is
 * refused at once with 401: it never falls back to a session cookie the same request might carry.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";
    /** admin > approver > viewer, granted as authorities so every check sees the roles a token includes. */
    private static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.fromHierarchy(Role.hierarchy());

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint unauthorized;

    TokenAuthenticationFilter(ApiTokens tokens, AuthenticationEntryPoint unauthorized) {
        this.tokens = tokens;
        this.unauthorized = unauthorized;
    }

    /** Whether the request authenticates with a bearer token (and is therefore not subject to CSRF checks). */
    static boolean isBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** The Spring Security authentication of a token's holder: the name is the token's name (the audit actor). */
    static Authentication authentication(TokenPrincipal principal) {
        return UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                HIERARCHY.getReachableGrantedAuthorities(java.util.List.of(
                        new SimpleGrantedAuthority(principal.role().authority()))));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isBearer(request)) {
            String token = request.getHeader(HttpHeaders.AUTHORIZATION)
                    .substring(BEARER.length())
                    .trim();
            Optional<TokenPrincipal> principal = tokens.authenticate(token);
            if (principal.isEmpty()) {
                // Never the token itself: a mistyped token is often one character away from a real one.
                log.info(
                        "Refused {} {} from {}: unknown or revoked API token",
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getRemoteAddr());
                SecurityContextHolder.clearContext();
                unauthorized.commence(request, response, new BadCredentialsException("unknown or revoked token"));
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication(principal.get()));
            SecurityContextHolder.setContext(context);
        } else {
            endRevokedSession(request);
        }
        chain.doFilter(request, response);
    }

    private void endRevokedSession(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null
                && current.getPrincipal() instanceof TokenPrincipal principal
                && !tokens.isLive(principal.id())) {
            log.info("Ended the console session of revoked token '{}'", principal.name());
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
    }
}
