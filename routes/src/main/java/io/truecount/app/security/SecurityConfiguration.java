package io.truecount.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The server's one filter chain. Scripts send {@code Authorization: Bearer <token>}; the console logs in with a token
 * once ({@code POST /login}) and then uses a session cookie, which is why session requests (and only those) are
 * CSRF-checked. Roles per endpoint come from {@link AccessRules}. Unauthenticated: webhooks, health and the login page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    /** What the login page needs before anyone is logged in. */
    static final String[] LOGIN_PAGE = {"/login", "/login.html", "/login.js", "/login.css", "/favicon.ico"};

    @Bean
    SecurityFilterChain truecountSecurity(
            HttpSecurity http, ApiTokens tokens, ObjectMapper json, CookieCsrfTokenRepository csrfTokens)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        RequestMatcher webhooks = path(HttpMethod.POST, "/webhooks/**");
        RequestMatcher machines = new OrRequestMatcher(path(null, "/api/**"), path(null, "/actuator/**"));
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // The console sends the cookie's raw value back (the SPA pattern); the default handler would
                        // expect a per-response masked value that static pages cannot obtain.
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // A browser cannot be made to send an Authorization header cross-site (no CORS is allowed),
                        // and webhooks are authenticated by their vendor's signature. An API call without a session
                        // cannot ride on a cookie either; skipping the check lets it get its 401 rather than a 403.
                        .ignoringRequestMatchers(
                                TokenAuthenticationFilter::isBearer,
                                webhooks,
                                request -> machines.matches(request) && request.getSession(false) == null))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .addFilterBefore(
                        new TokenAuthenticationFilter(tokens, problems.unauthorized()),
                        AnonymousAuthenticationFilter.class)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                // No session for anonymous requests; after login the console always starts at its dashboard.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .logout(logout -> logout.logoutRequestMatcher(path(HttpMethod.POST, "/logout"))
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(
                        errors -> errors.defaultAuthenticationEntryPointFor(problems.unauthorized(), machines)
                                .defaultAuthenticationEntryPointFor(
                                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                                .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(auth -> {
                    // Error pages and forwards of a request that was already let through.
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                            .permitAll();
                    auth.requestMatchers(webhooks, path(null, "/actuator/health/**"))
                            .permitAll();
                    for (String page : LOGIN_PAGE) {
                        auth.requestMatchers(path(null, page)).permitAll();
                    }
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        auth.requestMatchers(rule.matcher()).hasRole(rule.role().name());
                    }
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * There are no passwords: tokens are checked by {@link TokenAuthenticationFilter}. Declaring the manager also keeps
     * Spring Boot from creating a default user whose generated password it would write to the log.
     */
    @Bean
    AuthenticationManager noPasswordLogins() {
        return authentication -> {
            throw new ProviderNotFoundException("Truecount authenticates API tokens only");
        };
    }

    /** Cookie {@code XSRF-TOKEN}, readable by the console's JavaScript, echoed as header {@code X-XSRF-TOKEN}. */
    @Bean
    CookieCsrfTokenRepository csrfTokenRepository(SecuritySettings settings) {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie ->
                cookie.secure(settings.secureCookies()).sameSite("Lax").path("/"));
        return repository;
    }

    /** The session cookie: not readable by scripts, Secure when configured. */
    @Bean
    ServletContextInitializer sessionCookie(SecuritySettings settings) {
        return servletContext -> {
            servletContext.getSessionCookieConfig().setHttpOnly(true);
            servletContext.getSessionCookieConfig().setSecure(settings.secureCookies());
        };
    }

    /** SameSite=Lax: the browser leaves the session cookie off cross-site POSTs, a second line behind CSRF tokens. */
    @Bean
    CookieSameSiteSupplier laxCookies() {
        return CookieSameSiteSupplier.ofLax();
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
