package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.app.notice.NoticeReport;
import io.truecount.app.notice.NoticesService;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code truecount notices}: what the server does every morning, once: renewals, reminders, renewal notices. */
@Command(
        name = "notices",
        mixinStandardHelpOptions = true,
        description = {
            "Apply due auto-renewals, send due payment reminders (dunning:) and renewal notices (renewals:).",
            "Each notice is sent once; running it again the same day sends nothing new."
        },
        footer = "%nExit codes: 0 done (also when nothing was due); 1 a notice could not be sent (it is tried again on"
                + " the next run) or anything else failed; 2 invalid configuration or command line.")
class NoticesCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "The day to act for, YYYY-MM-DD (default: today in the company's timezone).")
    LocalDate asOf;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<TruecountConfig> config = common.loadConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        try (Database database = common.openDatabase();
                ConfigurableApplicationContext context =
                        ApplicationLauncher.start(config.get(), database, common, false, null, Map.of())) {
            NoticesService notices = context.getBean(NoticesService.class);
            LocalDate today = asOf != null ? asOf : notices.today();
            NoticeReport report = notices.run(today);
            report.lines().forEach(out::println);
            out.printf(
                    "notices for %s: %d line(s), %d failed%n",
                    today, report.lines().size(), report.failures());
            out.flush();
            return report.failures() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
