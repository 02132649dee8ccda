package io.truecount.app.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Re-reads the configuration file the server started with. The new file is validated in full first: an invalid one is
 * rejected with all its errors and the running configuration stays as it was; a valid one replaces it and
 * {@link ConfigReplaced} tells the rest of the application. Reloads are serialised: two at once would race on which
 * file wins.
 */
@Service
public class ConfigReloader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    private final ActiveConfig active;
    private final ApplicationEventPublisher events;
    private final Function<String, String> env;

    @Autowired
    ConfigReloader(ActiveConfig active, ApplicationEventPublisher events) {
        this(active, events, System::getenv);
    }

    ConfigReloader(ActiveConfig active, ApplicationEventPublisher events, Function<String, String> env) {
        this.active = active;
        this.events = events;
        this.env = env;
    }

    public ReloadOutcome reload(String actor) {
        return reload(actor, null);
    }

    /** @param reason why, for the audit log; may be null */
    public synchronized ReloadOutcome reload(String actor, String reason) {
        TruecountConfig running = active.get();
        TruecountConfig next;
        try {
            next = new ConfigLoader(env).load(running.file());
        } catch (ConfigException e) {
            LOG.warn(
                    "configuration reload by {} rejected, {} error(s); the running configuration stays: {}",
                    actor,
                    e.errors().size(),
                    e.errors().get(0));
            return new ReloadOutcome.Rejected(e.errors());
        }
        List<String> changes = differences(running, next);
        if (changes.isEmpty()) {
            return new ReloadOutcome.Unchanged();
        }
        active.replace(next);
        LOG.info("configuration reloaded by {}: {}", actor, String.join("; ", changes));
        events.publishEvent(new ConfigReplaced(running, next, actor, changes, reason));
        return new ReloadOutcome.Applied(changes);
    }

    /** Top-level differences, named without values: a changed credential must not reach a log line. */
    static List<String> differences(TruecountConfig before, TruecountConfig after) {
        List<String> changes = new ArrayList<>();
        if (!before.company().equals(after.company())) {
            changes.add("company changed");
        }
        changes.addAll(keyed("connector", before.connectors(), after.connectors()));
        changes.addAll(keyed("customer", before.customers(), after.customers()));
        Map<String, ?> contractsBefore = byId(before);
        Map<String, ?> contractsAfter = byId(after);
        changes.addAll(keyed("contract", contractsBefore, contractsAfter));
        if (!before.approval().equals(after.approval())) {
            changes.add("approval changed");
        }
        if (!Objects.equals(before.dunning(), after.dunning())) {
            changes.add("dunning changed");
        }
        if (!Objects.equals(before.renewals(), after.renewals())) {
            changes.add("renewals changed");
        }
        if (!Objects.equals(before.mail(), after.mail())) {
            changes.add("mail changed");
        }
        if (!Objects.equals(before.invoiceRun(), after.invoiceRun())) {
            changes.add("invoice-run changed");
        }
        return changes;
    }

    /** Connector ids whose settings differ between the two (added, removed or changed). */
    public static Set<String> changedConnectors(TruecountConfig before, TruecountConfig after) {
        Set<String> ids = new TreeSet<>(before.connectors().keySet());
        ids.addAll(after.connectors().keySet());
        ids.removeIf(id ->
                Objects.equals(before.connectors().get(id), after.connectors().get(id)));
        return ids;
    }

    private static Map<String, ?> byId(TruecountConfig config) {
        Map<String, Object> contracts = new LinkedHashMap<>();
        config.contracts().forEach(c -> contracts.put(c.id(), c));
        return contracts;
    }

    private static List<String> keyed(String what, Map<String, ?> before, Map<String, ?> after) {
        List<String> changes = new ArrayList<>();
        Set<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Object was = before.get(id);
            Object now = after.get(id);
            if (was == null) {
                changes.add(what + " " + id + " added");
            } else if (now == null) {
                changes.add(what + " " + id + " removed");
            } else if (!was.equals(now)) {
                changes.add(what + " " + id + " changed");
            }
        }
        return changes;
    }
}
