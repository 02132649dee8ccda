package io.truecount.app.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid; carries every error found, in file, line and column order. */
public final class ConfigException extends Exception {

    private final transient List<ConfigError> errors;

    ConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
