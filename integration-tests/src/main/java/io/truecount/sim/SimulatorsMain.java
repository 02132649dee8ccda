package io.truecount.sim;

import io.truecount.sim.estate.Estate;
import io.truecount.sim.estate.EstatePlan;
import io.truecount.sim.vendor.VendorSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;

/**
 * The demo estate's vendor simulators on fixed ports, and nothing else, until stopped: what {@code docker/compose.yaml}
 * runs beside the server, so that {@code docker/config/truecount.yaml} can name them. In start order from
 * {@code --port-base} (default {@value #DEFAULT_PORT_BASE}): NinjaOne, Datto RMM, Atera, Microsoft 365, ConnectWise,
 * Autotask, HaloPSA, QuickBooks Online, Stripe. The same {@code --seed} and {@code --customers} always serve the same
 * customers with the same credentials.
 *
 * <p>Run: {@code java -Dloader.main=io.truecount.sim.SimulatorsMain -cp integration-tests/target/truecount-demo.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher [--port-base N] [--seed N] [--customers N] [--dir DIR]}.
 * Prints {@code ready} once every simulator listens.
 */
public final class SimulatorsMain {

    static final int DEFAULT_PORT_BASE = 9101;
    private static final ZoneId MSP_ZONE = ZoneId.of("America/New_York");

    private SimulatorsMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int portBase = Integer.parseInt(option(args, "--port-base", Integer.toString(DEFAULT_PORT_BASE)));
        long seed = Long.parseLong(option(args, "--seed", "42"));
        int customers = Integer.parseInt(option(args, "--customers", "40"));
        // The estate writes a configuration of its own (with localhost URLs); only its simulators are used here.
        Path dir = Files.createDirectories(Path.of(option(args, "--dir", System.getProperty("java.io.tmpdir"))))
                .resolve("truecount-simulators");
        Instant now = Instant.now();
        VendorSimulator.portsFrom(portBase);
        Estate estate = Estate.start(EstatePlan.demo(seed, customers, YearMonth.now(MSP_ZONE), now), dir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            estate.close();
            stopped.countDown();
        }));
        System.out.printf("simulators: seed %d, %d customers%n", seed, customers);
        estate.description().forEach(line -> System.out.println("  " + line));
        System.out.println("ready");
        System.out.flush();
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
