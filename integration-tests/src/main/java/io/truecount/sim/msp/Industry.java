package io.truecount.sim.msp;

import java.util.List;
import java.util.Random;

/** The kinds of small businesses an MSP typically serves, with how their names read and how Mac-heavy they are. */
enum Industry {
    DENTAL(
            "dental practice",
            14,
            0.15,
            false,
            "{place} Family Dental",
            "{surname} Dental Care",
            "{place} Smiles Dentistry",
            "{place} Orthodontics"),
    LAW(
            "law firm",
            12,
            0.20,
            false,
            "{surname} & {surname} LLP",
            "{surname} Law Group",
            "{surname}, {surname} & {surname} PC",
            "{place} Legal Partners"),
    ACCOUNTING(
            "accounting firm",
            10,
            0.15,
            false,
            "{surname} CPA Group",
            "{place} Tax & Accounting",
            "{surname} & Associates CPAs"),
    MEDICAL(
            "medical clinic",
            10,
            0.10,
            false,
            "{place} Family Medicine",
            "{place} Pediatrics",
            "{place} Physical Therapy",
            "{place} Dermatology Associates"),
    VETERINARY("veterinary clinic", 7, 0.10, false, "{place} Animal Hospital", "{place} Veterinary Clinic"),
    ARCHITECTURE("architecture studio", 5, 0.65, false, "{surname} {surname} Architects", "{place} Design Studio"),
    CONSTRUCTION(
            "construction company",
            8,
            0.10,
            false,
            "{surname} Construction",
            "{place} Builders",
            "{surname} Roofing & Siding"),
    REAL_ESTATE("real estate office", 7, 0.30, false, "{place} Realty", "{surname} Property Management"),
    INSURANCE("insurance agency", 7, 0.10, false, "{surname} Insurance Agency", "{place} Insurance Group"),
    FINANCE("financial advisory firm", 6, 0.25, false, "{place} Wealth Advisors", "{surname} Financial Planning"),
    MANUFACTURING("manufacturer", 6, 0.05, false, "{place} Precision Machining", "{surname} Plastics Inc."),
    NONPROFIT("nonprofit", 8, 0.20, true, "{place} Community Foundation", "{place} Food Bank", "{place} Youth Center");

    private final String label;
    private final int weight;
    private final double macShare;
    private final boolean taxExempt;
    private final List<String> namePatterns;

    Industry(String label, int weight, double macShare, boolean taxExempt, String... namePatterns) {
        this.label = label;
        this.weight = weight;
        this.macShare = macShare;
        this.taxExempt = taxExempt;
        this.namePatterns = List.of(namePatterns);
    }

    String label() {
        return label;
    }

    /** Share of workstations that are Macs. */
    double macShare() {
        return macShare;
    }

    boolean taxExempt() {
        return taxExempt;
    }

    List<String> namePatterns() {
        return namePatterns;
    }

    static Industry pick(Random random) {
        int total = 0;
        for (Industry industry : values()) {
            total += industry.weight;
        }
        int roll = random.nextInt(total);
        for (Industry industry : values()) {
            roll -= industry.weight;
            if (roll < 0) {
                return industry;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }
}
