package io.truecount.app.cli;

/** The process exit codes of OUTPUTS.md. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything else went wrong; the message says what. */
    public static final int FAILED = 1;
    /** The configuration (or the command line) is invalid. */
    public static final int INVALID_CONFIG = 2;
    /** Some source failed; outputs were still written for customers that did not depend on it. */
    public static final int SOURCE_FAILED = 3;

    private ExitCodes() {}
}
