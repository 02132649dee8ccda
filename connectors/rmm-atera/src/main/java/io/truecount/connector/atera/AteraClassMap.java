package io.truecount.connector.atera;

import io.truecount.core.observation.AssetClass;
import java.util.Map;

/**
 * Atera {@code OSType} to billing class: the default map of CONFIG.md (Counting), under the admin's
 * {@code asset-classes} overrides. Anything else (Mac and Linux agents report their own values) is other until the
 * admin maps it.
 */
final class AteraClassMap {

    private static final Map<String, AssetClass> DEFAULTS = Map.of(
            "Server", AssetClass.SERVER,
            "Domain Controller", AssetClass.SERVER,
            "Work Station", AssetClass.WORKSTATION,
            "Workstation", AssetClass.WORKSTATION);

    private final Map<String, AssetClass> overrides;

    /** @param overrides the connector's {@code asset-classes}, keyed by {@code OSType} */
    AteraClassMap(Map<String, AssetClass> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    AssetClass classify(String osType) {
        AssetClass chosen = overrides.get(osType);
        if (chosen != null) {
            return chosen;
        }
        return DEFAULTS.getOrDefault(osType, AssetClass.OTHER);
    }
}
