package io.truecount.app.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is and how scripts authenticate (an API token as a bearer token). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Truecount API",
                        version = "1",
                        description = "Review and approve what Truecount bills: connectors, cycles, customers,"
                                + " reconciliation, invoices, webhooks and the audit log. Errors are RFC 7807 problem"
                                + " details."),
        security = @SecurityRequirement(name = OpenApiConfiguration.BEARER))
@SecurityScheme(
        name = OpenApiConfiguration.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token (`truecount token create` or POST /api/tokens).")
class OpenApiConfiguration {

    static final String BEARER = "bearer-token";
}
