package io.truecount.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a program in its own process, with what it printed (stdout and stderr together). */
record Command(int exitCode, String output) {

    static Command run(Path workingDir, Map<String, String> environment, Duration timeout, List<String> command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(
                        "timed out after " + timeout + ": " + command + "\n" + Files.readString(output));
            }
            return new Command(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The JVM running the tests, for child processes that must use the same Java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n" + output;
    }
}
