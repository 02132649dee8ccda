package io.truecount.app.contract;

import io.truecount.app.config.ActiveConfig;
import io.truecount.core.contract.Contract;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The configured contracts as a cycle bills them: those whose required signature has not completed are left out (they
 * bill nothing, CONFIG.md), and auto-renewed ones run to their effective end.
 */
@Component
public class ContractStates {

    /**
     * @param billable the contracts to bill, with effective ends, in configuration order
     * @param unbilled one line per contract left out and why, for the cycle summary
     */
    public record Current(List<Contract> billable, List<String> unbilled) {

        public Current {
            billable = List.copyOf(billable);
            unbilled = List.copyOf(unbilled);
        }
    }

    private final ActiveConfig config;
    private final ContractSignatures signatures;
    private final ContractRenewals renewals;

    public ContractStates(ActiveConfig config, ContractSignatures signatures, ContractRenewals renewals) {
        this.config = config;
        this.signatures = signatures;
        this.renewals = renewals;
    }

    public Current current() {
        List<Contract> billable = new ArrayList<>();
        List<String> unbilled = new ArrayList<>();
        for (Contract contract : config.get().contracts()) {
            SignatureState state = signatures.state(contract);
            if (state.bills()) {
                billable.add(renewals.effective(contract));
            } else {
                unbilled.add("contract " + contract.id() + ": " + why(state) + " ("
                        + signatures.describeDocument(contract.signature()) + ")");
            }
        }
        return new Current(billable, unbilled);
    }

    private static String why(SignatureState state) {
        return switch (state) {
            case PENDING -> "awaiting signature";
            case DECLINED -> "signature declined";
            case VOIDED -> "signature voided";
            case COMPLETED -> "signed";
        };
    }
}
