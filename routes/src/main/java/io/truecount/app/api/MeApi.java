package io.truecount.app.api;

import io.truecount.app.security.TokenPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is calling: the console shows it and hides what the role may not do. Any role (a GET). */
@RestController
class MeApi {

    record Me(String name, String role) {}

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal TokenPrincipal principal) {
        return new Me(principal.name(), principal.role().id());
    }
}
