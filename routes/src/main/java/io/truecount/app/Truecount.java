package io.truecount.app;

import io.truecount.app.cli.ExitCodes;
import io.truecount.app.cli.TruecountCommand;
import io.truecount.connector.SourceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import picocli.CommandLine;

/** The executable's entry point. With no command it serves, as OUTPUTS.md makes {@code serve} the default. */
public final class Truecount {

    private Truecount() {}

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command and returns its exit code; the process is left running (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        String[] effective = args.length == 0 || args[0].startsWith("--") && !isTopLevelOption(args[0])
                ? prepend("serve", args)
                : args;
        CommandLine commandLine = new CommandLine(new TruecountCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    err.println("error: " + oneLine(e));
                    if (verbose) {
                        e.printStackTrace(err);
                    }
                    err.flush();
                    return ExitCodes.FAILED;
                });
        int code = commandLine.execute(effective);
        out.flush();
        err.flush();
        return code;
    }

    private static boolean isTopLevelOption(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] result = new String[rest.length + 1];
        result[0] = first;
        System.arraycopy(rest, 0, result, 1, rest.length);
        return result;
    }

    /**
     * One line an admin can act on: our own exceptions already say what and where; for anything else, the most
     * specific message in the cause chain, without the framework's wrapping.
     */
    private static String oneLine(Throwable e) {
        boolean ours = e instanceof IllegalStateException
                || e instanceof IllegalArgumentException
                || e instanceof UncheckedIOException
                || e instanceof SourceException;
        if (ours && e.getMessage() != null) {
            return e.getMessage().lines().findFirst().orElse(e.getMessage());
        }
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
