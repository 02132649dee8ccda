package io.truecount.app.config;

import io.truecount.app.config.ConnectorCatalogue.Kind;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.ApprovalPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the admin's YAML (CONFIG.md) into a {@link TruecountConfig}, or fails with every error found. Connector types
 * are those of CONFIG.md; the ones this build can run are found with {@link ServiceLoader}.
 */
public final class ConfigLoader {

    private final Function<String, String> env;
    private final Map<String, ConnectorType> implemented;

    /** @param env environment lookup (System::getenv in production, a map in tests) */
    public ConfigLoader(Function<String, String> env) {
        this(
                env,
                ServiceLoader.load(ConnectorType.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList());
    }

    /** @param implemented the connector types this build can run (tests stand in for vendor modules) */
    public ConfigLoader(Function<String, String> env, Collection<ConnectorType> implemented) {
        this.env = env;
        this.implemented = implemented.stream()
                .collect(Collectors.toMap(ConnectorType::name, t -> t, (a, b) -> a, LinkedHashMap::new));
    }

    /** Loads, resolves includes, env vars and secrets, validates everything; all errors at once. */
    public TruecountConfig load(Path rootFile) throws ConfigException {
        Problems problems = new Problems();
        Reading reading = new Reading(problems, new Placeholders(env));
        Values values = new Values(problems);
        ConfigFiles files = new ConfigFiles(reading);
        TopLevel top = TopLevel.merge(reading, files.load(rootFile));

        CompanyReader companyReader = new CompanyReader(reading, values);
        Company company = null;
        if (top.company() != null) {
            Section section = top.company().open(reading, "company", CompanyReader.KEYS);
            company = section == null ? null : companyReader.read(section);
        } else if (!files.incomplete()) {
            problems.atStart(rootFile, "missing required key 'company' (in this file or an included one)");
        }
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, ConnectorSettings> connectors = connectors(reading, values, top, kinds);
        CustomerReader customerReader = new CustomerReader(
                reading, values, companyReader, company, top.connectors().keySet(), kinds);
        Map<String, Customer> customers = new LinkedHashMap<>();
        for (TopLevel.Entry entry : top.customers().values()) {
            Section section = entry.open(reading, "customer '" + entry.id() + "'", CustomerReader.KEYS);
            putIfValid(customers, entry.id(), section == null ? null : customerReader.read(entry.id(), section));
        }
        List<Contract> contracts = contracts(reading, values, top, kinds);
        ApprovalPolicy approval = approval(reading, values, top);
        NoticeSettingsReader.Notices notices = new NoticeSettingsReader(reading, values).read(top);
        InvoiceRunSettings invoiceRun = invoiceRun(reading, values, top);

        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return new TruecountConfig(
                rootFile,
                company,
                connectors,
                customers,
                contracts,
                approval,
                notices.dunning(),
                notices.renewals(),
                notices.mail(),
                invoiceRun);
    }

    /**
     * The root file and every file it includes, as far as they can be read, without validating them: what a watcher of
     * the configuration watches.
     */
    public List<Path> files(Path rootFile) {
        Reading reading = new Reading(new Problems(), new Placeholders(env));
        return new ConfigFiles(reading)
                .load(rootFile).stream().map(ConfigFile::path).toList();
    }

    /** @param kinds receives the catalogue type of every connector whose type is known, valid or not */
    private Map<String, ConnectorSettings> connectors(
            Reading reading, Values values, TopLevel top, Map<String, Kind> kinds) {
        ConnectorReader reader = new ConnectorReader(reading, values, implemented);
        Map<String, ConnectorSettings> connectors = new LinkedHashMap<>();
        for (TopLevel.Entry entry : top.connectors().values()) {
            Section section = entry.open(reading, "connector '" + entry.id() + "'", reader.keysFor(entry.value()));
            if (section == null) {
                continue;
            }
            Kind kind = reader.kind(section);
            if (kind != null) {
                kinds.put(entry.id(), kind);
            }
            putIfValid(connectors, entry.id(), reader.read(entry.id(), section, kind));
        }
        return connectors;
    }

    /** @param kinds the catalogue type of every connector whose type is known: what a signature may name */
    private static List<Contract> contracts(Reading reading, Values values, TopLevel top, Map<String, Kind> kinds) {
        ContractReader reader = new ContractReader(
                reading, values, top.customers().keySet(), top.connectors().keySet(), kinds);
        List<Contract> contracts = new ArrayList<>();
        List<TopLevel.Item> items = top.contracts();
        for (int i = 0; i < items.size(); i++) {
            Contract contract = reader.read(items.get(i).file(), items.get(i).node(), i + 1);
            if (contract != null) {
                contracts.add(contract);
            }
        }
        return contracts;
    }

    private static ApprovalPolicy approval(Reading reading, Values values, TopLevel top) {
        if (top.approval() == null) {
            return ApprovalPolicy.MANUAL;
        }
        Section section = top.approval().open(reading, "approval", ApprovalReader.KEYS);
        return section == null ? null : new ApprovalReader(reading.problems(), values).read(section);
    }

    private static InvoiceRunSettings invoiceRun(Reading reading, Values values, TopLevel top) {
        if (top.invoiceRun() == null) {
            return null;
        }
        Section section = top.invoiceRun().open(reading, "invoice-run", InvoiceRunReader.KEYS);
        return section == null ? null : new InvoiceRunReader(reading.problems(), values).read(section);
    }

    private static <T> void putIfValid(Map<String, T> map, String id, T value) {
        if (value != null) {
            map.put(id, value);
        }
    }
}
