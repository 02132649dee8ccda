package io.truecount.app.cli;

import io.truecount.app.Truecount;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration file for command tests, and running the command line as the executable does. */
final class CliFixture {

    static final String CONFIG =
            """
            company:
              name: Zylker Managed Services
              currency: USD
              timezone: America/New_York
              invoice-prefix: ZY-
              address: { line1: 1 Main St, city: Springfield, country: US }
              tax-id: US123456789
            customers:
              acme:
                name: Acme Dental
                tax: { rate: "8.25", category: S }
                address: { line1: 9 Elm Rd, city: Springfield }
              beta:
                name: Beta Bakery
                address: { line1: 2 Oak St, city: Springfield }
            """;

    /** What a command printed and returned. */
    record Result(int exitCode, String out, String err) {}

    private CliFixture() {}

    static Path writeConfig(Path dir) {
        try {
            return Files.writeString(dir.resolve("truecount.yaml"), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Truecount.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
