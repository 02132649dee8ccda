package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.cycle.CycleResult;
import io.truecount.app.cycle.CycleService;
import io.truecount.app.db.Database;
import io.truecount.app.push.PushRow;
import io.truecount.app.push.PushService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code truecount cycle}: sync every source once, reconcile, generate the period's invoices, write the exports. */
@Command(
        name = "cycle",
        description = "Sync every source once, reconcile, generate the period's invoices and write the exports.")
class CycleCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The month to bill.")
    YearMonth period;

    @Option(
            names = "--as-of",
            paramLabel = "ISO-8601",
            description = "The instant counts are taken at (default: end of the period or now, whichever is earlier).")
    String asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the exports are written.")
    Path out;

    @Option(names = "--push", description = "Approve the period's drafts and push them to sink connectors.")
    boolean push;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant countAt = parseAsOf();
        Optional<TruecountConfig> loaded = common.loadConfig(err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        TruecountConfig config = loaded.get();
        try (Database database = common.openDatabase();
                ConfigurableApplicationContext context =
                        ApplicationLauncher.start(config, database, common, false, new StderrProgress(err), Map.of())) {
            CycleResult result = context.getBean(CycleService.class).run(period, countAt, out, "cli");
            CycleSummary.print(stdout, config, result);
            boolean pushesDone = true;
            if (push) {
                List<PushRow> pushes = context.getBean(PushService.class).pushPeriod(period, "cli");
                pushesDone = PushSummary.print(stdout, pushes);
            }
            if (result.anySourceFailed()) {
                return ExitCodes.SOURCE_FAILED;
            }
            return pushesDone ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private Instant parseAsOf() {
        if (asOf == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(), "--as-of must be an ISO-8601 instant such as 2026-10-31T23:59:59Z: " + asOf);
        }
    }
}
