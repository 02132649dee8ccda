package io.truecount.connector.files;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.push.SinkConnector;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/** What the two file types share: no credentials, no host, one connector-level key {@code directory}. */
abstract class FileSinkType implements ConnectorType {

    /**
     * Configuration resolves it against the file that names it and passes it in {@link ConnectorSettings#options()}.
     */
    static final String DIRECTORY = "directory";

    @Override
    public ConnectorRole role() {
        return ConnectorRole.ACCOUNTING;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of();
    }

    /** Only {@code directory}: files are written locally, so no HTTP retry or timeout applies. */
    @Override
    public Set<String> optionKeys() {
        return Set.of(DIRECTORY);
    }

    @Override
    public URI defaultBaseUrl() {
        return null;
    }

    @Override
    public SinkConnector createSink(ConnectorSettings settings, ConnectorRuntime runtime) {
        String directory = settings.options().get(DIRECTORY);
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("connector " + settings.id() + " has no '" + DIRECTORY + "'");
        }
        return new FileSink(settings.id(), Path.of(directory), format());
    }

    abstract InvoiceFormat format();
}
