package io.truecount.core.contract;

/**
 * One priced line of a contract. The line types form a closed set, as in CONFIG.md; each knows only its own fields,
 * and rating handles each of them.
 */
public sealed interface ContractLine
        permits FlatLine,
                PerAssetLine,
                PerLicenseLine,
                PerUserLine,
                TieredLine,
                BlockHoursLine,
                TimeAndMaterialsLine,
                PrepaidHoursLine {

    /** The line's id: given in YAML or its 1-based position in the contract. */
    String id();

    /** The text printed on the invoice. */
    String description();

    boolean taxable();
}
