package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.invoice.ApprovalPolicy;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalTest {

    @TempDir
    Path dir;

    @Test
    void withoutApproval_everyInvoiceWaitsForAPerson() throws ConfigException {
        assertThat(new TestConfigs(dir).loadRoot("").approval()).isEqualTo(ApprovalPolicy.MANUAL);
    }

    @Test
    void approvalKeys_defaultToOffAndZeroChange() throws ConfigException {
        assertThat(new TestConfigs(dir)
                        .loadRoot("approval: { max-change-percent: 3 }\n")
                        .approval())
                .isEqualTo(new ApprovalPolicy(false, new BigDecimal("3")));
        assertThat(new TestConfigs(dir)
                        .loadRoot("approval: { auto-approve: true }\n")
                        .approval())
                .isEqualTo(new ApprovalPolicy(true, BigDecimal.ZERO));
    }

    @Test
    void approvalMistakes_areReportedWithTheAllowedKeys() {
        assertThat(
                        new TestConfigs(dir)
                                .errorsOfRoot(
                                        """
                approval:
                  auto-approve: yes
                  max-change-percent: "-1"
                  max-drop: 5
                """))
                .containsExactly(
                        "truecount.yaml:2:17: 'auto-approve' must be true or false: 'yes'",
                        "truecount.yaml:3:23: 'max-change-percent' must not be negative: '-1'",
                        "truecount.yaml:4:3: unknown key 'max-drop' in approval; allowed: auto-approve,"
                                + " max-change-percent");
    }
}
