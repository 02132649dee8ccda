package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.contract.ContractRenewals;
import io.truecount.app.contract.ContractSignatures;
import io.truecount.app.contract.SignatureState;
import io.truecount.core.contract.BlockHoursLine;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.PerLicenseLine;
import io.truecount.core.contract.PerUserLine;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.contract.TimeAndMaterialsLine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers and contracts as configured, with each contract's state today. Only what identifies and bills a customer
 * is shown: connector settings (and their credentials) never are.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "customers", description = "Customers, their source mappings and contracts")
class CustomersApi {

    record CustomerView(
            String id,
            String name,
            String currency,
            String billingEmail,
            Map<String, List<String>> sources,
            Map<String, String> accounting,
            List<String> contracts) {}

    record ContractView(
            String id,
            String customer,
            LocalDate start,
            LocalDate end,
            String cycle,
            String billing,
            String state,
            List<LineView> lines) {}

    record LineView(String id, String type, String description) {}

    private final ActiveConfig config;
    private final ContractSignatures signatures;
    private final ContractRenewals renewals;
    private final Clock clock;

    CustomersApi(ActiveConfig config, ContractSignatures signatures, ContractRenewals renewals, Clock clock) {
        this.config = config;
        this.signatures = signatures;
        this.renewals = renewals;
        this.clock = clock;
    }

    @GetMapping("/customers")
    @Operation(summary = "List the configured customers with their source and accounting mappings")
    List<CustomerView> customers() {
        return config.get().customers().values().stream()
                .map(c -> view(c, null))
                .toList();
    }

    @GetMapping("/customers/{id}")
    @Operation(summary = "One customer with the ids of its contracts")
    CustomerView customer(@PathVariable String id) {
        Customer customer = config.get().customers().get(id);
        if (customer == null) {
            throw new NoSuchElementException("no customer " + id);
        }
        List<String> contracts = config.get().contracts().stream()
                .filter(c -> c.customerId().equals(id))
                .map(Contract::id)
                .toList();
        return view(customer, contracts);
    }

    @GetMapping("/contracts")
    @Operation(summary = "List contracts, optionally one customer's, with their state today")
    List<ContractView> contracts(@RequestParam(required = false) String customer) {
        LocalDate today = LocalDate.now(clock.withZone(config.get().company().timezone()));
        return config.get().contracts().stream()
                .filter(c -> customer == null || c.customerId().equals(customer))
                .map(c -> view(c, today))
                .toList();
    }

    private static CustomerView view(Customer c, List<String> contracts) {
        return new CustomerView(
                c.id(),
                c.name(),
                c.currency().getCurrencyCode(),
                c.billingEmail(),
                c.sources(),
                c.accounting(),
                contracts);
    }

    private ContractView view(Contract configured, LocalDate today) {
        SignatureState signature = signatures.state(configured);
        Contract effective = renewals.effective(configured);
        String state;
        if (signature == SignatureState.PENDING) {
            state = "awaiting-signature";
        } else if (!signature.bills()) {
            state = "declined";
        } else if (effective.end() != null && effective.end().isBefore(today)) {
            state = "ended";
        } else {
            state = "billable";
        }
        return new ContractView(
                effective.id(),
                effective.customerId(),
                effective.start(),
                effective.end(),
                effective.cycle().name().toLowerCase(Locale.ROOT),
                effective.timing().name().toLowerCase(Locale.ROOT),
                state,
                effective.lines().stream()
                        .map(l -> new LineView(l.id(), type(l), l.description()))
                        .toList());
    }

    /** The line's {@code type:} in the configuration (CONFIG.md, Line types). */
    static String type(ContractLine line) {
        // Java 17: no pattern switch over the sealed interface yet.
        if (line instanceof FlatLine) {
            return "flat";
        } else if (line instanceof PerAssetLine) {
            return "per-asset";
        } else if (line instanceof PerLicenseLine) {
            return "per-license";
        } else if (line instanceof PerUserLine) {
            return "per-user";
        } else if (line instanceof TieredLine) {
            return "tiered";
        } else if (line instanceof BlockHoursLine) {
            return "block-hours";
        } else if (line instanceof TimeAndMaterialsLine) {
            return "time-and-materials";
        } else if (line instanceof PrepaidHoursLine) {
            return "prepaid-hours";
        }
        return line.getClass().getSimpleName();
    }
}
