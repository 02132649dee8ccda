package io.truecount.core.observation;

import java.util.Locale;

/** The billing classes every RMM device type maps to (CONFIG.md, Counting). */
public enum AssetClass {
    WORKSTATION,
    SERVER,
    NETWORK,
    MOBILE,
    OTHER;

    /** The name admins write in YAML and read in exports: {@code workstation}, {@code server}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class for a YAML name, or null when there is none. */
    public static AssetClass fromConfigName(String name) {
        for (AssetClass c : values()) {
            if (c.configName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
