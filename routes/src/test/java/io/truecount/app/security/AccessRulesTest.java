package io.truecount.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The role table's edges: pattern overlaps, the defaults for endpoints nobody listed, and what it leaves alone. */
class AccessRulesTest {

    @Test
    void bulkAndSingleInvoiceActions_doNotShadowEachOther() {
        assertThat(required("POST", "/api/invoices/approve")).hasValue(Role.APPROVER);
        assertThat(required("POST", "/api/invoices/ZY-202610-00001/approve")).hasValue(Role.APPROVER);
        assertThat(required("POST", "/api/invoices/ZY-202610-00001/void")).hasValue(Role.ADMIN);
    }

    @Test
    void tokens_areAdminOnly_evenToRead() {
        assertThat(required("GET", "/api/tokens")).hasValue(Role.ADMIN);
        assertThat(required("DELETE", "/api/tokens/ci")).hasValue(Role.ADMIN);
    }

    @Test
    void unlistedEndpoints_readsAreForViewers_writesForAdminsOnly() {
        assertThat(required("GET", "/api/something-new")).hasValue(Role.VIEWER);
        assertThat(required("POST", "/api/something-new")).hasValue(Role.ADMIN);
        assertThat(required("PUT", "/api/invoices/ZY-1")).hasValue(Role.ADMIN);
        assertThat(required("DELETE", "/actuator/loggers")).hasValue(Role.ADMIN);
        assertThat(required("GET", "/actuator/prometheus")).hasValue(Role.VIEWER);
    }

    @Test
    void consolePagesAndWebhooks_areNotInTheTable() {
        assertThat(required("GET", "/index.html")).isEmpty();
        assertThat(required("POST", "/webhooks/stripe")).isEmpty();
    }

    private static Optional<Role> required(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return AccessRules.required(request);
    }
}
