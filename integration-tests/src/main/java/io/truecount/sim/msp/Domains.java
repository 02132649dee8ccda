package io.truecount.sim.msp;

import java.util.Locale;

/**
 * The internet domain a sample business uses, the same in every vendor's simulator (its Microsoft 365 sign-ins, its
 * website in the PSA), so that mapping suggestions across vendors have something real to match.
 */
public final class Domains {

    private Domains() {}

    /** {@code Acme Dental, LLC} → {@code acmedentalllc} */
    public static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        return slug.isEmpty() ? "business" : slug;
    }

    /** {@code Acme Dental} → {@code acmedental.com} */
    public static String of(String name) {
        return slug(name) + ".com";
    }
}
