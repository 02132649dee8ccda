package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code truecount notices} against a real PostgreSQL and a real SMTP server (GreenMail, in process): overdue posted
 * invoices get exactly the due reminder, once; paid ones none; a contract 60 days from its end is announced; an
 * auto-renewing contract past its end extends once and is announced for its new end.
 */
class NoticesIT {

    @RegisterExtension
    static final E2eDatabase POSTGRES = new E2eDatabase();

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path dir;

    private Path config;
    private String db;

    @BeforeEach
    void setUp() throws IOException, SQLException {
        db = POSTGRES.freshJdbcUrl("notices");
        config = Files.writeString(
                dir.resolve("truecount.yaml"),
                """
                company:
                  name: Zylker Managed Services
                  currency: USD
                  timezone: America/New_York
                  invoice-prefix: ZY-
                  address: { line1: 1 Main St, city: Springfield, country: US }
                  tax-id: US123456789
                customers:
                  acme: { name: Acme Dental, billing-email: ap@acme.example }
                  beta: { name: Beta Labs, billing-email: finance@beta.example }
                contracts:
                  - id: acme-managed
                    customer: acme
                    start: 2026-02-10
                    end: 2027-02-09
                    cycle: monthly
                    lines: [{ type: flat, amount: 100 }]
                  - id: beta-backup
                    customer: beta
                    start: 2026-01-01
                    end: 2026-06-30
                    cycle: monthly
                    auto-renew: true
                    lines: [{ type: flat, amount: 50 }]
                dunning: { reminder-days: [3, 10, 30], from: billing@msp.example }
                renewals: { notice-days: [60, 30], notify: accounts@msp.example }
                mail: { host: 127.0.0.1, port: %d, starttls: false }
                """
                        .formatted(SMTP.getSmtp().getPort()));
    }

    private CliRun notices(String asOf) {
        return CliRun.of("notices", "--config", config.toString(), "--db", db, "--as-of", asOf);
    }

    private void invoice(JdbcTemplate jdbc, String number, String customer, String status, String due, String total) {
        LocalDate dueDate = LocalDate.parse(due);
        jdbc.update(
                """
                insert into invoice (number, customer_id, period, currency, status, issue_date, due_date,
                    period_start, period_end, tax_rate, tax_category, subtotal, tax_amount, total)
                values (?, ?, ?, 'USD', ?, ?, ?, '2026-10-01', '2026-10-31', 0, 'Z', ?, 0, ?)
                """,
                number,
                customer,
                // ZY-202610-00001 bills 2026-10: one current invoice per customer and period.
                number.substring(3, 7) + "-" + number.substring(7, 9),
                status,
                Date.valueOf(dueDate.minusDays(30)),
                Date.valueOf(dueDate),
                new BigDecimal(total),
                new BigDecimal(total));
    }

    @Test
    void dueRemindersAndNotices_areSentOnce_andAutoRenewalExtendsOnce() throws Exception {
        CliRun migrate = notices("2026-01-05");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db));
        invoice(jdbc, "ZY-202610-00001", "acme", "POSTED", "2026-12-01", "876.83");
        invoice(jdbc, "ZY-202610-00002", "beta", "PAID", "2026-12-01", "54.13");
        invoice(jdbc, "ZY-202609-00002", "beta", "PAYMENT_FAILED", "2026-11-01", "54.13");

        CliRun first = notices("2026-12-11");
        CliRun second = notices("2026-12-11");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout())
                .contains("contract beta-backup: renewed, end 2026-06-30 -> 2026-12-31 (6 months)")
                .contains("invoice ZY-202610-00001 (acme): reminder 10 days overdue sent to ap@acme.example")
                .contains("invoice ZY-202609-00002 (beta): reminder 30 days overdue sent to finance@beta.example")
                .contains("contract acme-managed: renewal notice 60 days before 2027-02-09 sent to"
                        + " accounts@msp.example")
                .contains("contract beta-backup: renewal notice 30 days before 2026-12-31 sent to"
                        + " accounts@msp.example")
                .doesNotContain("ZY-202610-00002");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).startsWith("notices for 2026-12-11: 0 line(s), 0 failed");

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(4);
        assertThat(Arrays.stream(received).map(NoticesIT::summary).toList())
                .containsExactlyInAnyOrder(
                        "ap@acme.example | Reminder: invoice ZY-202610-00001 is 10 days overdue",
                        "finance@beta.example | Reminder: invoice ZY-202609-00002 is 40 days overdue",
                        "accounts@msp.example | Contract acme-managed ends on 2027-02-09 (in 60 days)",
                        "accounts@msp.example | Contract beta-backup ends on 2026-12-31 (in 20 days)");
        MimeMessage acme = Arrays.stream(received)
                .filter(m -> summary(m).startsWith("ap@acme.example"))
                .findFirst()
                .orElseThrow();
        assertThat(GreenMailUtil.getBody(acme))
                .contains("ZY-202610-00001", "USD 876.83", "2026-12-01", "Days overdue:   10");
        assertThat(acme.getFrom()[0].toString()).isEqualTo("billing@msp.example");

        assertThat(jdbc.queryForList("select to_end from contract_renewal", Date.class))
                .extracting(Date::toLocalDate)
                .containsExactly(LocalDate.of(2026, 12, 31));
        assertThat(jdbc.queryForList(
                        "select invoice_number || ':' || step from dunning_notice order by 1", String.class))
                .containsExactly("ZY-202609-00002:30", "ZY-202610-00001:10");
    }

    private static String summary(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .toList();
            return String.join(",", to) + " | " + message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
