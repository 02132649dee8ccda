package io.truecount.app.config;

/**
 * One problem in the configuration, at the 1-based line and column of the offending key or value.
 *
 * @param file the file's path as it was given (a relative root stays relative, includes resolve beside it)
 */
public record ConfigError(String file, int line, int column, String message) {

    /** {@code FILE:LINE:COLUMN: message}, the form {@code truecount validate} prints. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
