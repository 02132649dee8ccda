package io.truecount.app.schedule;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigLoader;
import io.truecount.app.config.ConfigReloader;
import io.truecount.app.config.ReloadOutcome;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reloads the configuration when the root file or an included one changes: the directories of those files are
 * watched, events are debounced (an editor's save is several), editors' temporary files are ignored. A rejected file
 * is logged, one line per error, and the running configuration stays. Only in the server.
 */
@Component
@ConditionalOnProperty(name = "truecount.scheduling", havingValue = "true")
class ConfigWatcher implements AutoCloseable {

    static final String ACTOR = "file-watch";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final ActiveConfig config;
    private final ConfigReloader reloader;
    private final boolean enabled;
    private final long debounceMillis;
    private final Map<Path, WatchKey> watched = new HashMap<>();
    private volatile Set<Path> files = Set.of();
    private WatchService watcher;

    ConfigWatcher(ActiveConfig config, ConfigReloader reloader, ScheduleProperties properties) {
        this.config = config;
        this.reloader = reloader;
        this.enabled = properties.watchConfig();
        this.debounceMillis = properties.watchDebounceMillis();
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() throws IOException {
        if (!enabled) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        refresh();
        Thread thread = new Thread(this::loop, "config-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The files of the running configuration; includes may have come or gone with the last reload. */
    private synchronized void refresh() {
        List<Path> current = new ConfigLoader(System::getenv).files(config.get().file());
        Set<Path> absolute = new HashSet<>();
        current.forEach(f -> absolute.add(f.toAbsolutePath().normalize()));
        files = Set.copyOf(absolute);
        for (Path file : absolute) {
            Path dir = file.getParent();
            if (dir != null && !watched.containsKey(dir)) {
                try {
                    watched.put(
                            dir,
                            dir.register(
                                    watcher,
                                    StandardWatchEventKinds.ENTRY_CREATE,
                                    StandardWatchEventKinds.ENTRY_MODIFY,
                                    StandardWatchEventKinds.ENTRY_DELETE));
                } catch (IOException e) {
                    LOG.warn("cannot watch {} for configuration changes: {}", dir, e.getMessage());
                }
            }
        }
    }

    private void loop() {
        long quietSince = -1;
        try {
            while (true) {
                WatchKey key = watcher.poll(quietSince < 0 ? 60_000 : debounceMillis, TimeUnit.MILLISECONDS);
                if (key != null) {
                    if (relevant(key)) {
                        quietSince = System.nanoTime();
                    }
                    key.reset();
                } else if (quietSince >= 0
                        && System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(debounceMillis)) {
                    quietSince = -1;
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // the server is stopping
        }
    }

    private boolean relevant(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
            } else if (event.context() instanceof Path name) {
                Path file = dir.resolve(name).toAbsolutePath().normalize();
                relevant |= files.contains(file) || (isYaml(name) && !isEditorTemp(name));
            }
        }
        return relevant;
    }

    private void reload() {
        try {
            ReloadOutcome outcome = reloader.reload(ACTOR);
            if (outcome instanceof ReloadOutcome.Rejected rejected) {
                LOG.warn(
                        "the changed configuration is invalid and was not applied; the running one stays ({} error(s)):",
                        rejected.errors().size());
                rejected.errors().forEach(error -> LOG.warn("  {}", error));
            }
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("configuration reload after a file change failed: {}", e.getMessage());
        }
    }

    static boolean isYaml(Path name) {
        String n = name.toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** Vim's swap and probe files, Emacs' lock and backup files, dot files and the usual temporary suffixes. */
    static boolean isEditorTemp(Path name) {
        String n = name.toString();
        return n.startsWith(".")
                || n.startsWith("#")
                || n.endsWith("~")
                || n.endsWith(".swp")
                || n.endsWith(".swx")
                || n.endsWith(".tmp")
                || n.equals("4913");
    }

    @Override
    public synchronized void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
