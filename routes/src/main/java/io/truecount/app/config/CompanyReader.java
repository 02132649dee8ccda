package io.truecount.app.config;

import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Reads {@code company:} (the seller) and postal addresses, which customers share. */
final class CompanyReader {

    static final List<String> KEYS =
            List.of("name", "currency", "timezone", "invoice-prefix", "address", "tax-id", "payment-terms-days");
    static final List<String> ADDRESS_KEYS = List.of("line1", "line2", "city", "postal-code", "region", "country");

    private final Problems problems;
    private final Values values;

    CompanyReader(Reading reading, Values values) {
        this.problems = reading.problems();
        this.values = values;
    }

    /** @return the company; null when anything in it is invalid (reported) */
    Company read(Section s) {
        int errorsBefore = problems.count();
        String name = values.text(s.required("name"));
        Currency currency = values.currency(s.required("currency"));
        ZoneId timezone = values.zone(s.required("timezone"));
        String invoicePrefix = values.text(s.required("invoice-prefix"));
        Address address = null;
        if (s.has("address")) {
            address = address(s.section("address", "address of company", ADDRESS_KEYS), null);
        } else {
            s.missing("address");
        }
        String taxId = values.text(s.required("tax-id"));
        Scalar terms = s.scalar("payment-terms-days");
        Integer paymentTermsDays =
                terms == null ? Company.DEFAULT_PAYMENT_TERMS_DAYS : values.integer(terms, "payment-terms-days", 0);
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new Company(name, currency, timezone, invoicePrefix, address, taxId, paymentTermsDays);
    }

    /**
     * @param defaultCountry the country when the address names none; null when it must name one
     * @return the address; null when invalid (reported)
     */
    Address address(Section s, String defaultCountry) {
        if (s == null) {
            return null;
        }
        String country;
        if (defaultCountry == null || s.has("country")) {
            country = values.country(s.required("country"));
        } else {
            country = defaultCountry;
        }
        String line1 = values.text(s.scalar("line1"));
        String line2 = values.text(s.scalar("line2"));
        String city = values.text(s.scalar("city"));
        String postalCode = values.text(s.scalar("postal-code"));
        String region = values.text(s.scalar("region"));
        return country == null ? null : new Address(line1, line2, city, postalCode, region, country);
    }
}
