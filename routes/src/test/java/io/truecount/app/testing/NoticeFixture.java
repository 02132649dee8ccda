package io.truecount.app.testing;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.DunningSettings;
import io.truecount.app.config.MailSettings;
import io.truecount.app.config.RenewalSettings;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.contract.ContractRenewals;
import io.truecount.app.contract.ContractSignatures;
import io.truecount.app.contract.ContractStates;
import io.truecount.app.notice.DunningService;
import io.truecount.app.notice.Mailer;
import io.truecount.app.notice.NoticesService;
import io.truecount.app.notice.RenewalService;
import io.truecount.connector.ConnectorSettings;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.SignatureRequirement;
import io.truecount.core.contract.TaxRule;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** A small MSP for the notice services, on a real PostgreSQL, with a mail server that records what it is given. */
public final class NoticeFixture {

    public static final Currency USD = Currency.getInstance("USD");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T12:00:00Z"), ZoneOffset.UTC);

    /** Records messages, or refuses them all while {@code down}. */
    public static final class RecordingMailServer extends JavaMailSenderImpl {
        public final List<SimpleMailMessage> sent = new ArrayList<>();
        public boolean down;

        @Override
        public void send(SimpleMailMessage... messages) {
            if (down) {
                throw new MailSendException("Connection refused: smtp.msp.example:587");
            }
            sent.addAll(List.of(messages));
        }
    }

    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;
    public final RecordingMailServer mail = new RecordingMailServer();
    public final Map<String, Customer> customers = new LinkedHashMap<>();
    public final List<Contract> contracts = new ArrayList<>();
    /** Each invoice gets its own period: one current invoice per customer and period is all the schema allows. */
    private YearMonth nextPeriod = YearMonth.of(2026, 1);

    public NoticeFixture(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("truncate invoice, invoice_line, invoice_transition, dunning_notice, renewal_notice,"
                + " contract_renewal, contract_signature cascade");
        customer("acme", "ap@acme.example");
        customer("nomail", null);
    }

    public void customer(String id, String email) {
        customers.put(
                id,
                new Customer(
                        id,
                        id.toUpperCase(),
                        USD,
                        new TaxRule(BigDecimal.ZERO, "Z", null),
                        address(),
                        Map.of(),
                        Map.of(),
                        null,
                        email));
    }

    public Contract contract(String id, String start, String end, boolean autoRenew, SignatureRequirement signature) {
        Contract contract = new Contract(
                id,
                "acme",
                LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end),
                BillingCycle.MONTHLY,
                BillingTiming.ADVANCE,
                null,
                List.of(new FlatLine("1", "Managed", true, BigDecimal.TEN)),
                signature,
                autoRenew);
        contracts.add(contract);
        return contract;
    }

    public void invoice(String number, String customer, String status, String dueDate, String total) {
        LocalDate due = LocalDate.parse(dueDate);
        jdbc.update(
                """
                insert into invoice (number, customer_id, period, currency, status, issue_date, due_date,
                    period_start, period_end, tax_rate, tax_category, subtotal, tax_amount, total)
                values (?, ?, ?, 'USD', ?, ?, ?, '2026-10-01', '2026-10-31', 0, 'Z', ?, 0, ?)
                """,
                number,
                customer,
                (nextPeriod = nextPeriod.plusMonths(1)).toString(),
                status,
                Date.valueOf(due.minusDays(30)),
                Date.valueOf(due),
                new BigDecimal(total),
                new BigDecimal(total));
    }

    public TruecountConfig config() {
        Company company = new Company("Zylker MSP", USD, ZoneId.of("America/New_York"), "ZY-", address(), "US1", 30);
        ConnectorSettings sign = new ConnectorSettings(
                "sign",
                "docusign",
                URI.create("https://docusign.net"),
                null,
                Map.of(),
                null,
                null,
                Map.of(),
                null,
                Map.of());
        return new TruecountConfig(
                Path.of("truecount.yaml"),
                company,
                Map.of("sign", sign),
                customers,
                contracts,
                io.truecount.core.invoice.ApprovalPolicy.MANUAL,
                new DunningSettings(List.of(3, 10, 30), "billing@msp.example", DunningSettings.DEFAULT_SUBJECT),
                new RenewalSettings(List.of(60, 30), "accounts@msp.example", "billing@msp.example"),
                new MailSettings("smtp.msp.example", 587, null, null, true));
    }

    public ContractSignatures signatures() {
        return new ContractSignatures(jdbc, ActiveConfig.of(config()), CLOCK);
    }

    public ContractStates states() {
        ActiveConfig config = ActiveConfig.of(config());
        return new ContractStates(
                config, new ContractSignatures(jdbc, config, CLOCK), new ContractRenewals(jdbc, CLOCK));
    }

    public NoticesService notices() {
        ActiveConfig config = ActiveConfig.of(config());
        Mailer mailer = new Mailer(mail);
        ContractSignatures signatures = new ContractSignatures(jdbc, config, CLOCK);
        return new NoticesService(
                config,
                new RenewalService(jdbc, tx, config, signatures, new ContractRenewals(jdbc, CLOCK), mailer, CLOCK),
                new DunningService(jdbc, tx, config, mailer, CLOCK),
                CLOCK);
    }

    private static Address address() {
        return new Address("1 Main St", null, "Springfield", "12345", null, "US");
    }
}
