package io.truecount.app.config;

import io.truecount.app.config.ConnectorCatalogue.Kind;
import io.truecount.connector.ConnectorRole;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.TaxRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one entry of {@code customers:}, checking its references to connectors. */
final class CustomerReader {

    static final List<String> KEYS =
            List.of("name", "currency", "tax", "address", "sources", "accounting", "max-drop-percent", "billing-email");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Problems problems;
    private final Reading reading;
    private final Values values;
    private final CompanyReader addresses;
    private final Company company;
    private final Set<String> connectorIds;
    private final Map<String, Kind> connectorKinds;
    private final TaxReader taxReader;
    /** connector id + external id to where it is mapped: one organization billed to two customers is an error. */
    private final Map<List<String>, String> externalIdOwners = new HashMap<>();

    /**
     * @param company the seller, for defaults; null when invalid (reported), then no customer is built
     * @param connectorIds every connector defined, valid or not
     * @param connectorKinds the catalogue type of connectors whose type is known
     */
    CustomerReader(
            Reading reading,
            Values values,
            CompanyReader addresses,
            Company company,
            Set<String> connectorIds,
            Map<String, Kind> connectorKinds) {
        this.problems = reading.problems();
        this.reading = reading;
        this.values = values;
        this.addresses = addresses;
        this.company = company;
        this.connectorIds = connectorIds;
        this.connectorKinds = connectorKinds;
        this.taxReader = new TaxReader(values);
    }

    /** @return the customer; null when anything in it is invalid (reported) */
    Customer read(String id, Section s) {
        int errorsBefore = problems.count();
        String name = values.text(s.required("name"));
        Currency currency = s.has("currency") ? values.currency(s.scalar("currency")) : null;
        TaxRule tax =
                s.has("tax") ? taxReader.read(s.section("tax", "tax of " + s.label(), TaxReader.KEYS)) : TaxRule.NONE;
        String companyCountry = company == null ? "" : company.address().country();
        Address address = s.has("address")
                ? addresses.address(
                        s.section("address", "address of " + s.label(), CompanyReader.ADDRESS_KEYS), companyCountry)
                : new Address(null, null, null, null, null, companyCountry);
        Map<String, List<String>> sources = sources(id, s);
        Map<String, String> accounting = accounting(s);
        BigDecimal maxDropPercent = values.nonNegative(s.scalar("max-drop-percent"), "max-drop-percent");
        if (maxDropPercent != null && maxDropPercent.compareTo(HUNDRED) > 0) {
            s.errorAtValue("max-drop-percent", "'max-drop-percent' must be at most 100");
        }
        String billingEmail = email(s.scalar("billing-email"));
        if (company == null || problems.count() > errorsBefore) {
            return null;
        }
        return new Customer(
                id,
                name,
                currency != null ? currency : company.currency(),
                tax,
                address,
                sources,
                accounting,
                maxDropPercent,
                billingEmail);
    }

    /** An address for invoices and reminders; checked only for its shape, the mail server has the last word. */
    private String email(Scalar value) {
        if (value == null) {
            return null;
        }
        String address = value.value().strip();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.at(
                    value.file(),
                    value.node(),
                    "'billing-email' must be an e-mail address such as ap@acme.example: " + value.shown());
            return null;
        }
        return address;
    }

    /** Connector id to this customer's external ids there; only source connectors take them. */
    private Map<String, List<String>> sources(String customerId, Section s) {
        Section map = s.section("sources", "sources of " + s.label(), null);
        Map<String, List<String>> sources = new LinkedHashMap<>();
        if (map == null) {
            return sources;
        }
        for (String connector : map.keys()) {
            if (knownConnector(map, connector, "sources", "a source", ConnectorRole::isSource)) {
                sources.put(connector, externalIds(customerId, map, connector));
            }
        }
        return sources;
    }

    private List<String> externalIds(String customerId, Section map, String connector) {
        Node value = map.value(connector);
        List<Node> nodes = value == null
                ? List.of()
                : value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
        if (nodes.isEmpty()) {
            map.errorAt(connector, "'" + connector + "' in " + map.label() + " must name at least one external id");
        }
        List<String> ids = new ArrayList<>();
        for (Node node : nodes) {
            Scalar externalId = reading.scalar(map.file(), node, "an external id");
            if (externalId == null) {
                continue;
            }
            String owner = "customer '" + customerId + "' at " + Problems.where(map.file(), node);
            String first = externalIdOwners.putIfAbsent(List.of(connector, externalId.value()), owner);
            if (first != null) {
                problems.at(
                        map.file(),
                        node,
                        "external id " + externalId.shown() + " of connector '" + connector + "' is already mapped to "
                                + first);
            }
            ids.add(externalId.value());
        }
        return ids;
    }

    /** Connector id to this customer's id in that sink (accounting system, payment gateway). */
    private Map<String, String> accounting(Section s) {
        Section map = s.section("accounting", "accounting of " + s.label(), null);
        Map<String, String> accounting = new LinkedHashMap<>();
        if (map == null) {
            return accounting;
        }
        for (String connector : map.keys()) {
            Predicate<ConnectorRole> sink = role -> role == ConnectorRole.ACCOUNTING || role == ConnectorRole.PAYMENTS;
            if (knownConnector(map, connector, "accounting", "an accounting or payments connector", sink)) {
                String id = values.text(map.required(connector));
                if (id != null) {
                    accounting.put(connector, id);
                }
            }
        }
        return accounting;
    }

    /** Whether the key names a defined connector of a fitting role; else reported with the connectors that fit. */
    private boolean knownConnector(
            Section map, String connector, String where, String fitting, Predicate<ConnectorRole> fits) {
        Kind kind = connectorKinds.get(connector);
        if (connectorIds.contains(connector) && (kind == null || fits.test(kind.role()))) {
            return true;
        }
        List<String> allowed = connectorIds.stream()
                .filter(c -> connectorKinds.get(c) == null
                        || fits.test(connectorKinds.get(c).role()))
                .toList();
        map.errorAt(
                connector,
                (kind == null
                                ? "unknown connector '" + connector + "' in " + where
                                : "connector '" + connector + "' (" + kind.name() + ") is not " + fitting)
                        + "; allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
        return false;
    }
}
