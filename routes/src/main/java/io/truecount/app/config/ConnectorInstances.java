package io.truecount.app.config;

import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Connector objects (sources, sinks, webhook receivers) built from the configuration through their
 * {@link ConnectorType}s, found with ServiceLoader. They live as long as their settings do: a reload rebuilds only the
 * connectors whose settings changed, so the others keep their cached tokens and circuit breakers.
 *
 * @param <T> what is built per connector
 */
public final class ConnectorInstances<T> {

    private final Function<TruecountConfig, List<ConnectorSettings>> select;
    private final BiFunction<ConnectorType, ConnectorSettings, T> create;
    private final Map<String, ConnectorType> types = new LinkedHashMap<>();
    private volatile Map<String, Built<T>> instances = Map.of();

    private record Built<T>(ConnectorSettings settings, T instance) {}

    /**
     * @param select the settings of the connectors of this kind
     * @param create builds one; null when the type does not provide this kind (e.g. a sink without webhooks)
     */
    public ConnectorInstances(
            TruecountConfig config,
            Function<TruecountConfig, List<ConnectorSettings>> select,
            BiFunction<ConnectorType, ConnectorSettings, T> create) {
        this.select = select;
        this.create = create;
        // The first registration of a name wins, as in ConfigLoader, so both always agree on the implementation.
        ServiceLoader.load(ConnectorType.class).forEach(t -> types.putIfAbsent(t.name(), t));
        update(config);
    }

    /** Instances built by the caller (tests); {@link #update} is not meant for them. */
    public static <T> ConnectorInstances<T> fixed(Map<String, T> instances) {
        ConnectorInstances<T> fixed = new ConnectorInstances<>(null, c -> List.of(), (t, s) -> null);
        Map<String, Built<T>> built = new LinkedHashMap<>();
        instances.forEach((id, instance) -> built.put(id, new Built<>(null, instance)));
        fixed.instances = built;
        return fixed;
    }

    /** Rebuilds what the new configuration changed; unchanged connectors keep their instance. */
    public synchronized void update(TruecountConfig config) {
        if (config == null) {
            return;
        }
        Map<String, Built<T>> previous = instances;
        Map<String, Built<T>> next = new LinkedHashMap<>();
        for (ConnectorSettings settings : select.apply(config)) {
            Built<T> existing = previous.get(settings.id());
            if (existing != null && Objects.equals(existing.settings(), settings)) {
                next.put(settings.id(), existing);
                continue;
            }
            ConnectorType type = types.get(settings.type());
            if (type == null) {
                // Validation refuses such a file; reaching this is a packaging error, not an admin's.
                throw new IllegalStateException("no implementation of connector type " + settings.type());
            }
            T instance = create.apply(type, settings);
            if (instance != null) {
                next.put(settings.id(), new Built<>(settings, instance));
            }
        }
        instances = next;
    }

    public Optional<T> get(String connectorId) {
        Built<T> built = instances.get(connectorId);
        return built == null ? Optional.empty() : Optional.of(built.instance());
    }

    public boolean has(String connectorId) {
        return instances.containsKey(connectorId);
    }
}
