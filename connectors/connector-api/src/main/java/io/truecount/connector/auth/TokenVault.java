package io.truecount.connector.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a connector keeps a credential the vendor replaces as it is used: QuickBooks Online answers every refresh with
 * a new refresh token and the configured one eventually stops working. The application keeps them in PostgreSQL, so a
 * restarted process (or another instance) uses the newest.
 */
public interface TokenVault {

    /** The newest value saved under the name for the connector, if any. */
    Optional<String> load(String connectorId, String name);

    void save(String connectorId, String name, String value);

    /** A vault that forgets on exit: for tests and one-off commands without a database. */
    static TokenVault inMemory() {
        Map<String, String> values = new ConcurrentHashMap<>();
        return new TokenVault() {
            @Override
            public Optional<String> load(String connectorId, String name) {
                return Optional.ofNullable(values.get(connectorId + "\u0000" + name));
            }

            @Override
            public void save(String connectorId, String name, String value) {
                values.put(connectorId + "\u0000" + name, value);
            }
        };
    }
}
