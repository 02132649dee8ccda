package io.truecount.bench;

/**
 * What {@code ./bench webhooks} runs.
 *
 * @param events distinct signed Stripe events to post
 * @param concurrency HTTP clients posting at the same time
 * @param duplicatesPercent redeliveries (same bytes, same signature) of already-sent events, as a percentage of
 *     {@code events}
 * @param customers customers of the generated MSP, so invoices pushed to Stripe that the events name
 */
record WebhookSettings(int events, int concurrency, int duplicatesPercent, long seed, int customers) {

    static final String USAGE = "usage: ./bench webhooks [--events N] [--concurrency N] [--duplicates-percent N]"
            + " [--seed N] [--customers N]";

    static WebhookSettings parse(String... args) {
        int events = 20_000;
        int concurrency = 32;
        int duplicatesPercent = 5;
        long seed = 20261122L;
        int customers = 50;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "nothing";
            try {
                switch (args[i]) {
                    case "--events" -> events = Integer.parseInt(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--duplicates-percent" -> duplicatesPercent = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--customers" -> customers = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i] + " needs a whole number, got " + value);
            }
        }
        if (events < 1 || concurrency < 1 || customers < 1) {
            throw new IllegalArgumentException("--events, --concurrency and --customers must be at least 1");
        }
        if (duplicatesPercent < 0 || duplicatesPercent > 100) {
            throw new IllegalArgumentException("--duplicates-percent must be between 0 and 100");
        }
        return new WebhookSettings(events, concurrency, duplicatesPercent, seed, customers);
    }

    /** How many redeliveries are posted besides the distinct events. */
    int duplicates() {
        return (int) Math.round(events * (duplicatesPercent / 100.0));
    }
}
