package io.truecount.core.contract;

import java.util.Objects;

/**
 * A postal address as invoices print it. {@code country} is an ISO 3166-1 alpha-2 code; the other parts are optional
 * (null when absent).
 */
public record Address(String line1, String line2, String city, String postalCode, String region, String country) {

    public Address {
        Objects.requireNonNull(country, "country");
    }
}
