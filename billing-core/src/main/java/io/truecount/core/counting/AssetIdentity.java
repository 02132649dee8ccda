package io.truecount.core.counting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalised hardware identity of a device: its serial number and MAC addresses, as duplicate detection compares them.
 * Placeholder values that firmware and hypervisors report for many machines at once are not identities and are
 * dropped, or every white-box PC would be one "duplicate".
 */
record AssetIdentity(String serial, Set<String> macs) {

    /** Serials OEM firmware ships unfilled; seen across vendors' inventories. */
    private static final Set<String> PLACEHOLDER_SERIALS = Set.of(
            "",
            "0",
            "00000000",
            "0000000000",
            "123456789",
            "NONE",
            "N/A",
            "NA",
            "NULL",
            "UNKNOWN",
            "DEFAULT STRING",
            "SYSTEM SERIAL NUMBER",
            "TO BE FILLED BY O.E.M.",
            "TO BE FILLED BY OEM",
            "CHASSIS SERIAL NUMBER",
            "NOT APPLICABLE",
            "NOT SPECIFIED",
            "INVALID");

    private static final Set<String> PLACEHOLDER_MACS = Set.of("000000000000", "FFFFFFFFFFFF");

    static AssetIdentity of(String serialNumber, List<String> macAddresses) {
        return new AssetIdentity(normaliseSerial(serialNumber), normaliseMacs(macAddresses));
    }

    boolean hasSerial() {
        return serial != null;
    }

    /** Trimmed, upper-cased; null when absent or a placeholder. */
    static String normaliseSerial(String serial) {
        if (serial == null) {
            return null;
        }
        String s = serial.trim().toUpperCase(Locale.ROOT);
        return PLACEHOLDER_SERIALS.contains(s) ? null : s;
    }

    /** Hex digits only, upper-cased, so {@code 00-11-22-33-44-55}, {@code 0011.2233.4455} and {@code 00:11:22:33:44:55} match. */
    static Set<String> normaliseMacs(List<String> macAddresses) {
        Set<String> result = new LinkedHashSet<>();
        for (String mac : macAddresses) {
            if (mac == null) {
                continue;
            }
            String hex = hexDigits(mac);
            if (hex.length() == 12 && !PLACEHOLDER_MACS.contains(hex)) {
                result.add(hex);
            }
        }
        return Set.copyOf(result);
    }

    /**
     * The MAC's hex digits, upper-cased. A loop rather than a regular expression: MACs are normalised for every
     * device of every count, and a peak or average count counts each day of the period.
     */
    private static String hexDigits(String mac) {
        StringBuilder hex = new StringBuilder(12);
        for (int i = 0; i < mac.length(); i++) {
            char c = mac.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')) {
                hex.append(c);
            } else if (c >= 'a' && c <= 'f') {
                hex.append((char) (c - 'a' + 'A'));
            }
        }
        return hex.toString();
    }
}
