package io.truecount.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.testing.NoticeFixture;
import io.truecount.app.testing.TestDatabase;
import io.truecount.core.contract.SignatureRequirement;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;

/** Dunning and renewal notices on a real PostgreSQL, with reminder steps [3, 10, 30] and notices [60, 30]. */
class NoticesServiceTest {

    private static TestDatabase db;
    private NoticeFixture fixture;

    @BeforeAll
    static void start() {
        db = TestDatabase.startMigrated();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void setUp() {
        fixture = new NoticeFixture(db.dataSource());
    }

    private NoticeReport runOn(String day) {
        return fixture.notices().run(LocalDate.parse(day));
    }

    private int reminders(String number) {
        return fixture.jdbc.queryForObject(
                "select count(*) from dunning_notice where invoice_number = ?", Integer.class, number);
    }

    @Test
    void postedInvoiceTenDaysOverdue_getsTheTenDayReminderOnce() {
        fixture.invoice("ZY-1", "acme", "POSTED", "2026-12-01", "876.83");

        NoticeReport first = runOn("2026-12-11");
        NoticeReport second = runOn("2026-12-11");

        assertThat(first.lines())
                .containsExactly("invoice ZY-1 (acme): reminder 10 days overdue sent to ap@acme.example");
        assertThat(first.failures()).isZero();
        assertThat(second.lines()).isEmpty();
        assertThat(fixture.mail.sent).hasSize(1);
        SimpleMailMessage mail = fixture.mail.sent.get(0);
        assertThat(mail.getTo()).containsExactly("ap@acme.example");
        assertThat(mail.getFrom()).isEqualTo("billing@msp.example");
        assertThat(mail.getSubject()).isEqualTo("Reminder: invoice ZY-1 is 10 days overdue");
        assertThat(mail.getText())
                .contains("Invoice:        ZY-1", "Amount due:     USD 876.83", "Due date:       2026-12-01")
                .contains("Days overdue:   10");
        assertThat(fixture.jdbc.queryForList("select step from dunning_notice", Integer.class))
                .as("the 3-day step is skipped, not sent late")
                .containsExactly(10);
    }

    @Test
    void stepsFollowTheSchedule_asDaysPass() {
        fixture.invoice("ZY-1", "acme", "PAYMENT_FAILED", "2026-12-01", "100.00");

        assertThat(runOn("2026-12-03").lines()).isEmpty();
        assertThat(runOn("2026-12-04").lines()).singleElement().asString().contains("reminder 3 days");
        assertThat(runOn("2026-12-10").lines()).isEmpty();
        assertThat(runOn("2026-12-11").lines()).singleElement().asString().contains("reminder 10 days");
        assertThat(runOn("2027-01-20").lines()).singleElement().asString().contains("reminder 30 days");
        assertThat(runOn("2027-03-01").lines()).isEmpty();
        assertThat(fixture.mail.sent).hasSize(3);
        assertThat(fixture.mail.sent.get(0).getText()).contains("The last attempt to collect this payment failed.");
    }

    @Test
    void paidVoidDraftAndCreditedInvoices_getNoReminder() {
        fixture.invoice("ZY-1", "acme", "PAID", "2026-11-01", "10.00");
        fixture.invoice("ZY-2", "acme", "VOID", "2026-11-01", "10.00");
        fixture.invoice("ZY-3", "acme", "APPROVED", "2026-11-01", "10.00");
        fixture.invoice("ZY-4", "acme", "POSTED", "2026-11-01", "10.00");
        fixture.jdbc.update("update invoice set credited_by = 'CN-1' where number = 'ZY-4'");

        assertThat(runOn("2026-12-15").lines()).isEmpty();
        assertThat(fixture.mail.sent).isEmpty();
    }

    @Test
    void partiallyPaid_isReminded_namingTheTotal() {
        fixture.invoice("ZY-1", "acme", "PARTIALLY_PAID", "2026-12-01", "50.5");

        runOn("2026-12-05");

        assertThat(fixture.mail.sent.get(0).getText()).contains("Invoice total:  USD 50.50 (partly paid");
    }

    @Test
    void customerWithoutBillingEmail_isReportedNotMailed() {
        fixture.invoice("ZY-1", "nomail", "POSTED", "2026-12-01", "10.00");

        NoticeReport report = runOn("2026-12-11");

        assertThat(report.lines())
                .containsExactly("invoice ZY-1 (nomail): reminder 10 days overdue not sent: customer nomail has no"
                        + " billing-email");
        assertThat(report.failures()).isZero();
        assertThat(fixture.mail.sent).isEmpty();
        assertThat(reminders("ZY-1")).isZero();
    }

    @Test
    void mailServerDown_rollsTheClaimBack_andTheNextRunSends() {
        fixture.invoice("ZY-1", "acme", "POSTED", "2026-12-01", "10.00");
        fixture.mail.down = true;

        NoticeReport failed = runOn("2026-12-11");

        assertThat(failed.failures()).isEqualTo(1);
        assertThat(failed.lines())
                .containsExactly("FAILED invoice ZY-1 (acme): reminder 10 days overdue: cannot send mail to"
                        + " ap@acme.example: Connection refused: smtp.msp.example:587");
        assertThat(reminders("ZY-1")).isZero();

        fixture.mail.down = false;
        assertThat(runOn("2026-12-12").failures()).isZero();
        assertThat(fixture.mail.sent).hasSize(1);
        assertThat(reminders("ZY-1")).isEqualTo(1);
    }

    @Test
    void renewalNotices_at60And30DaysBeforeTheEnd_eachOnce() {
        fixture.contract("acme-managed", "2026-01-01", "2026-12-31", false, null);

        assertThat(runOn("2026-10-31").lines()).isEmpty();
        assertThat(runOn("2026-11-01").lines())
                .containsExactly("contract acme-managed: renewal notice 60 days before 2026-12-31 sent to"
                        + " accounts@msp.example");
        assertThat(runOn("2026-11-02").lines()).isEmpty();
        assertThat(runOn("2026-12-05").lines()).singleElement().asString().contains("notice 30 days");
        assertThat(fixture.mail.sent)
                .extracting(SimpleMailMessage::getSubject)
                .containsExactly(
                        "Contract acme-managed ends on 2026-12-31 (in 60 days)",
                        "Contract acme-managed ends on 2026-12-31 (in 26 days)");
        assertThat(fixture.mail.sent.get(0).getTo()).containsExactly("accounts@msp.example");
        assertThat(fixture.mail.sent.get(0).getText()).contains("It does not renew automatically");
    }

    @Test
    void autoRenewingContract_extendsOncePerTerm_andIsAnnouncedForItsNewEnd() {
        fixture.contract("acme-managed", "2026-01-01", "2026-12-31", true, null);

        NoticeReport renewed = runOn("2027-01-01");
        NoticeReport again = runOn("2027-01-01");

        assertThat(renewed.lines())
                .containsExactly("contract acme-managed: renewed, end 2026-12-31 -> 2027-12-31 (12 months)");
        assertThat(again.lines()).isEmpty();
        assertThat(fixture.jdbc.queryForObject("select count(*) from contract_renewal", Integer.class))
                .isEqualTo(1);
        assertThat(runOn("2027-11-01").lines())
                .containsExactly("contract acme-managed: renewal notice 60 days before 2027-12-31 sent to"
                        + " accounts@msp.example");
        assertThat(fixture.mail.sent.get(0).getText()).contains("It renews automatically for 12 months");
    }

    @Test
    void unsignedContract_neitherRenewsNorGetsNotices() {
        fixture.contract("acme-managed", "2026-01-01", "2026-12-31", true, new SignatureRequirement("sign", "env-1"));

        assertThat(runOn("2026-11-01").lines()).isEmpty();
        assertThat(runOn("2027-01-02").lines()).isEmpty();
        assertThat(fixture.mail.sent).isEmpty();
    }
}
