package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.security.ApiTokens;
import io.truecount.app.security.NewToken;
import io.truecount.app.security.Role;
import io.truecount.app.security.TokenInfo;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** API tokens (admin only, see security/AccessRules): list, create (the only time a token is shown), revoke. */
@RestController
@Tag(name = "tokens", description = "API tokens and their roles (admin)")
@RequestMapping("/api/tokens")
class TokensApi {

    private final ApiTokens tokens;

    TokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** A token as listed: never the token, never its hash. */
    record TokenView(String name, String role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        static TokenView of(TokenInfo info) {
            return new TokenView(info.name(), info.role().id(), info.createdAt(), info.lastUsedAt(), info.revokedAt());
        }
    }

    record CreateRequest(String name, String role, String reason) {}

    record Created(String name, String role, String token) {

        @Override
        public String toString() {
            // Spring MVC logs a response body's toString at DEBUG; the token must not reach a log.
            return "Created[name=" + name + ", role=" + role + "]";
        }
    }

    /** The optional body of a revocation. */
    record RevokeRequest(String reason) {}

    @Operation(summary = "List tokens: names, roles and use, never a token")
    @GetMapping
    List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @Operation(summary = "Create a token; the answer is the only time it is shown")
    @PostMapping
    ResponseEntity<Created> create(@RequestBody CreateRequest request) {
        NewToken created;
        try {
            created = tokens.create(request.name(), Role.of(request.role()), Actor.current(), request.reason());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(created.name(), created.role().id(), created.token()));
    }

    @Operation(summary = "Revoke a token, ending its console sessions")
    @DeleteMapping("/{name}")
    ResponseEntity<Void> revoke(@PathVariable String name, @RequestBody(required = false) RevokeRequest body) {
        try {
            tokens.revoke(name, Actor.current(), body == null ? null : body.reason());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }
}
