package io.truecount.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: the one table of method + path pattern to the least role that may (the API contract's role
 * column). The first matching rule wins. Any other GET under {@code /api} is for viewers; any other write is for
 * admins only, so an endpoint added without a rule here is closed rather than open. {@code AccessRulesTest} and the
 * enumerating {@code ApiAccessTest} keep this honest.
 */
final class AccessRules {

    /** One row of the table. */
    record Rule(HttpMethod method, String pattern, Role role) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }
    }

    static final List<Rule> RULES = List.of(
            // admin: tokens, destructive or system-wide changes
            rule(null, "/api/tokens/**", Role.ADMIN),
            rule(HttpMethod.POST, "/api/invoices/*/void", Role.ADMIN),
            rule(HttpMethod.POST, "/api/webhooks/events/*/replay", Role.ADMIN),
            rule(HttpMethod.POST, "/api/config/reload", Role.ADMIN),
            // approver: invoice and reconciliation decisions, triggering work
            rule(HttpMethod.POST, "/api/connectors/*/sync", Role.APPROVER),
            rule(HttpMethod.POST, "/api/cycles", Role.APPROVER),
            rule(HttpMethod.POST, "/api/reconciliation/*/acknowledge", Role.APPROVER),
            rule(HttpMethod.POST, "/api/reconciliation/*/dismiss", Role.APPROVER),
            rule(HttpMethod.POST, "/api/invoices/*/approve", Role.APPROVER),
            rule(HttpMethod.POST, "/api/invoices/*/hold", Role.APPROVER),
            rule(HttpMethod.POST, "/api/invoices/*/release", Role.APPROVER),
            rule(HttpMethod.POST, "/api/invoices/*/push", Role.APPROVER),
            rule(HttpMethod.POST, "/api/invoices/approve", Role.APPROVER),
            rule(HttpMethod.POST, "/api/invoices/hold", Role.APPROVER),
            // viewer: reading (HEAD is answered like GET by Spring MVC)
            rule(HttpMethod.GET, "/api/**", Role.VIEWER),
            rule(HttpMethod.HEAD, "/api/**", Role.VIEWER),
            // Prometheus and any other actuator reading; health is open (SecurityConfiguration)
            rule(HttpMethod.GET, "/actuator/**", Role.VIEWER),
            // the safe default: whatever else changes something under /api or /actuator
            rule(null, "/api/**", Role.ADMIN),
            rule(null, "/actuator/**", Role.ADMIN));

    private static final List<Compiled> COMPILED =
            RULES.stream().map(r -> new Compiled(r.matcher(), r.role())).toList();

    private AccessRules() {}

    /** The least role the request needs, or empty when no rule covers it (console pages: any role). */
    static Optional<Role> required(HttpServletRequest request) {
        return COMPILED.stream()
                .filter(c -> c.matcher().matches(request))
                .map(Compiled::role)
                .findFirst();
    }

    private record Compiled(RequestMatcher matcher, Role role) {}

    private static Rule rule(HttpMethod method, String pattern, Role role) {
        return new Rule(method, pattern, role);
    }
}
