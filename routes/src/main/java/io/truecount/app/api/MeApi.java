package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.security.TokenPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is calling: the console shows it and hides what the role may not do. Any role (a GET). */
@RestController
@Tag(name = "me", description = "Who is calling")
class MeApi {

    record Me(String name, String role) {}

    @Operation(summary = "The caller: token name and role")
    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal TokenPrincipal principal) {
        return new Me(principal.name(), principal.role().id());
    }
}
