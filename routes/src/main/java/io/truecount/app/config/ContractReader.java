package io.truecount.app.config;

import io.truecount.app.config.ConnectorCatalogue.Kind;
import io.truecount.connector.ConnectorRole;
import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.SignatureRequirement;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one item of {@code contracts:}; its lines are read by {@link LineReader}. */
final class ContractReader {

    static final List<String> KEYS = List.of(
            "id",
            "customer",
            "start",
            "end",
            "cycle",
            "billing",
            "minimum-monthly-amount",
            "lines",
            "signature",
            "auto-renew");
    static final List<String> SIGNATURE_KEYS = List.of("connector", "document-id");
    private static final List<String> CYCLES = List.of("monthly", "quarterly", "annual");
    private static final List<String> TIMINGS = List.of("advance", "arrears");

    private final Reading reading;
    private final Problems problems;
    private final Values values;
    private final Set<String> customerIds;
    private final Set<String> connectorIds;
    private final Map<String, Kind> kinds;
    private final LineReader lineReader;
    private final Map<String, String> firstDefinition = new HashMap<>();

    /**
     * @param customerIds every customer defined, valid or not
     * @param connectorIds every connector defined, valid or not
     * @param kinds the catalogue type of every connector whose type is known: a signature must name an e-signature one
     */
    ContractReader(
            Reading reading,
            Values values,
            Set<String> customerIds,
            Set<String> connectorIds,
            Map<String, Kind> kinds) {
        this.reading = reading;
        this.problems = reading.problems();
        this.values = values;
        this.customerIds = customerIds;
        this.connectorIds = connectorIds;
        this.kinds = kinds;
        this.lineReader = new LineReader(reading, values);
    }

    /**
     * @param position 1-based position among all contracts, to name one without an id
     * @return the contract; null when anything in it is invalid (reported)
     */
    Contract read(Path file, Node node, int position) {
        String peekedId = peek(node, "id");
        String label = peekedId != null ? "contract '" + peekedId + "'" : "contract #" + position;
        Section s = Section.open(reading, file, label, node, node, KEYS);
        if (s == null) {
            return null;
        }
        int errorsBefore = problems.count();
        Scalar id = s.required("id");
        if (id != null) {
            String first = firstDefinition.putIfAbsent(id.value(), Problems.where(file, id.node()));
            if (first != null) {
                problems.at(file, id.node(), "duplicate contract id " + id.shown() + " (first at " + first + ")");
            }
        }
        String customer = customer(s);
        LocalDate start = values.date(s.required("start"), "start");
        LocalDate end = values.date(s.scalar("end"), "end");
        if (start != null && end != null && end.isBefore(start)) {
            s.errorAtValue("end", "'end' " + end + " is before 'start' " + start);
        }
        String cycle = values.choice(s.required("cycle"), "cycle", CYCLES);
        // An admin who does not say when to bill gets what MSPs mostly do: invoice at the start of the period.
        String timing = s.has("billing") ? values.choice(s.scalar("billing"), "billing", TIMINGS) : "advance";
        BigDecimal minimum = values.nonNegative(s.scalar("minimum-monthly-amount"), "minimum-monthly-amount");
        SignatureRequirement signature = signature(s);
        Boolean autoRenew = s.has("auto-renew") ? values.bool(s.scalar("auto-renew"), "auto-renew") : Boolean.FALSE;
        if (Boolean.TRUE.equals(autoRenew) && !s.has("end")) {
            s.errorAtValue("auto-renew", "'auto-renew' in " + s.label() + " needs an 'end' to renew from");
        }
        List<ContractLine> lines = lines(s, start, end);
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new Contract(
                id.value(),
                customer,
                start,
                end,
                BillingCycle.valueOf(cycle.toUpperCase(Locale.ROOT)),
                BillingTiming.valueOf(timing.toUpperCase(Locale.ROOT)),
                minimum,
                lines,
                signature,
                autoRenew);
    }

    /** {@code signature: { connector, document-id }}: the connector must be an e-signature one; null when absent. */
    private SignatureRequirement signature(Section contract) {
        if (contract.keyNode("signature") == null) {
            return null;
        }
        if (!contract.has("signature")) {
            contract.missing("signature");
            return null;
        }
        Section s = contract.section("signature", "signature of " + contract.label(), SIGNATURE_KEYS);
        if (s == null) {
            return null;
        }
        Scalar connector = s.required("connector");
        Scalar document = s.required("document-id");
        if (connector == null || !esignConnector(s, connector)) {
            return null;
        }
        return document == null ? null : new SignatureRequirement(connector.value(), document.value());
    }

    private boolean esignConnector(Section s, Scalar connector) {
        String id = connector.value();
        List<String> esign = kinds.entrySet().stream()
                .filter(e -> e.getValue().role() == ConnectorRole.ESIGN)
                .map(Map.Entry::getKey)
                .toList();
        String allowed = esign.isEmpty()
                ? "none (define a connector of type "
                        + String.join(", ", ConnectorCatalogue.namesWithRole(ConnectorRole.ESIGN)) + ")"
                : String.join(", ", esign);
        if (!connectorIds.contains(id)) {
            problems.at(
                    s.file(),
                    connector.node(),
                    "unknown connector " + connector.shown() + " in " + s.label() + "; allowed: " + allowed);
            return false;
        }
        Kind kind = kinds.get(id);
        if (kind == null) {
            // Its type is unknown: reported where the connector is defined.
            return false;
        }
        if (kind.role() != ConnectorRole.ESIGN) {
            problems.at(
                    s.file(),
                    connector.node(),
                    "connector " + connector.shown() + " in " + s.label() + " is of type " + kind.name()
                            + ", not an e-signature type; allowed: " + allowed);
            return false;
        }
        return true;
    }

    private String customer(Section s) {
        Scalar customer = s.required("customer");
        if (customer == null || customerIds.contains(customer.value())) {
            return customer == null ? null : customer.value();
        }
        problems.at(
                s.file(),
                customer.node(),
                "unknown customer " + customer.shown() + " in " + s.label() + "; allowed: "
                        + (customerIds.isEmpty() ? "none" : String.join(", ", customerIds)));
        return null;
    }

    private List<ContractLine> lines(Section s, LocalDate start, LocalDate end) {
        if (!s.has("lines")) {
            s.missing("lines");
            return List.of();
        }
        List<Node> items = s.list("lines");
        if (items == null) {
            return List.of();
        }
        if (items.isEmpty()) {
            s.errorAt("lines", "'lines' in " + s.label() + " must have at least one line");
        }
        return lineReader.readAll(s, items, start, end);
    }

    /** A key's text in a mapping not yet opened, to name it in messages; null when there is none. */
    static String peek(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k
                        && k.getValue().equals(key)
                        && tuple.getValueNode() instanceof ScalarNode v
                        && !Reading.isNull(v)) {
                    return v.getValue();
                }
            }
        }
        return null;
    }
}
