package io.truecount.app.config;

import io.truecount.connector.ConnectorSettings;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.ApprovalPolicy;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A loaded and valid configuration.
 *
 * @param file the root file it was loaded from
 * @param connectors connector id to settings, in YAML order, which is the source priority
 * @param customers customer id to customer, in YAML order
 * @param contracts in YAML order (a file's own before those of the files it includes)
 * @param approval when the server's unattended runs may approve an invoice ({@code approval:}, an extension);
 *     {@link ApprovalPolicy#MANUAL} when not configured
 * @param dunning payment reminders for overdue invoices ({@code dunning:}, an extension); null: none are sent
 * @param renewals notices before contracts end ({@code renewals:}, an extension); null: none are sent
 * @param mail the SMTP server notices go through ({@code mail:}); null when neither notice block is configured
 * @param invoiceRun when the server runs the monthly cycle on its own ({@code invoice-run:}, an extension); null: only
 *     on demand
 */
public record TruecountConfig(
        Path file,
        Company company,
        Map<String, ConnectorSettings> connectors,
        Map<String, Customer> customers,
        List<Contract> contracts,
        ApprovalPolicy approval,
        DunningSettings dunning,
        RenewalSettings renewals,
        MailSettings mail,
        InvoiceRunSettings invoiceRun) {

    public TruecountConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(approval, "approval");
        connectors = Collections.unmodifiableMap(new LinkedHashMap<>(connectors));
        customers = Collections.unmodifiableMap(new LinkedHashMap<>(customers));
        contracts = List.copyOf(contracts);
    }

    /** A configuration without {@code invoice-run:}: cycles run only on demand. */
    public TruecountConfig(
            Path file,
            Company company,
            Map<String, ConnectorSettings> connectors,
            Map<String, Customer> customers,
            List<Contract> contracts,
            ApprovalPolicy approval,
            DunningSettings dunning,
            RenewalSettings renewals,
            MailSettings mail) {
        this(file, company, connectors, customers, contracts, approval, dunning, renewals, mail, null);
    }

    /** A configuration without notices: no reminders, no renewal notices, no mail server. */
    public TruecountConfig(
            Path file,
            Company company,
            Map<String, ConnectorSettings> connectors,
            Map<String, Customer> customers,
            List<Contract> contracts,
            ApprovalPolicy approval) {
        this(file, company, connectors, customers, contracts, approval, null, null, null, null);
    }

    /** A configuration without {@code approval:}: every invoice waits for a person. */
    public TruecountConfig(
            Path file,
            Company company,
            Map<String, ConnectorSettings> connectors,
            Map<String, Customer> customers,
            List<Contract> contracts) {
        this(file, company, connectors, customers, contracts, ApprovalPolicy.MANUAL, null, null, null, null);
    }

    /**
     * Settings of connectors whose type's role is a source (RMM, M365, PSA), in priority order, each with the external
     * ids customers map to it.
     */
    public List<ConnectorSettings> sources() {
        return connectors.values().stream()
                .filter(c -> ConnectorCatalogue.isSource(c.type()))
                .map(c -> c.withMappedOrganizations(customers.values().stream()
                        .flatMap(customer -> customer.sources().getOrDefault(c.id(), List.of()).stream())
                        .collect(Collectors.toSet())))
                .toList();
    }

    /** The role of a configured connector's type ({@code rmm}, {@code accounting}, ...); null for an unknown id. */
    public String roleOf(String connectorId) {
        ConnectorSettings settings = connectors.get(connectorId);
        return settings == null
                ? null
                : ConnectorCatalogue.find(settings.type())
                        .map(kind -> kind.role().name().toLowerCase(java.util.Locale.ROOT))
                        .orElse(null);
    }

    /** Settings of connectors invoices are pushed to (accounting, files, payments), in YAML order. */
    public List<ConnectorSettings> sinks() {
        return connectors.values().stream()
                .filter(c -> ConnectorCatalogue.isSink(c.type()))
                .toList();
    }

    /**
     * The sink connectors an approved invoice of this customer goes to: every file sink, and every other sink the
     * customer names an id for under {@code accounting:} (OUTPUTS.md, {@code --push}).
     */
    public List<String> sinkIdsFor(Customer customer) {
        return sinks().stream()
                .filter(s -> ConnectorCatalogue.isFileSink(s.type())
                        || customer.accounting().containsKey(s.id()))
                .map(ConnectorSettings::id)
                .toList();
    }
}
