package io.truecount.app.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.Address;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.observation.ExternalOrganization;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingReportTest {

    private static Customer customer(String id, String name, Map<String, List<String>> sources) {
        return new Customer(
                id,
                name,
                Currency.getInstance("USD"),
                TaxRule.NONE,
                new Address("1 A St", null, "X", null, null, "US"),
                sources,
                Map.of(),
                null);
    }

    private static ExternalOrganization org(String id, String name) {
        return new ExternalOrganization("ninja", id, name);
    }

    private final Map<String, Customer> customers = new LinkedHashMap<>();

    {
        customers.put("acme", customer("acme", "Acme Dental", Map.of("ninja", List.of("12"))));
        customers.put("bakery", customer("bakery", "Bob's Bakery", Map.of()));
        customers.put("brookfield", customer("brookfield", "Brookfield Wealth Advisors", Map.of()));
    }

    @Test
    void mappedOrganizations_showTheirCustomer_andUnmappedOnesGetSuggestionsByName() {
        List<MappingReport.Row> rows = MappingReport.of(
                "ninja",
                List.of(
                        org("12", "ACME Dental"),
                        org("99", "Bobs Bakery, Inc."),
                        org("77", "Brookfield Wealth"),
                        org("55", "Zenith Plumbing")),
                customers);
        assertThat(rows)
                .extracting(r -> r.organization().externalId(), MappingReport.Row::customerId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("12", "acme"),
                        org.assertj.core.groups.Tuple.tuple("99", null),
                        org.assertj.core.groups.Tuple.tuple("77", null),
                        org.assertj.core.groups.Tuple.tuple("55", null));
        // Legal forms, apostrophes and case do not matter.
        assertThat(rows.get(1).suggestions())
                .extracting(MappingReport.Suggestion::customerId, MappingReport.Suggestion::why)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bakery", "same name"));
        // 2 of 3 identifying words.
        assertThat(rows.get(2).suggestions())
                .extracting(MappingReport.Suggestion::customerId)
                .containsExactly("brookfield");
        assertThat(rows.get(2).suggestions().get(0).why()).isEqualTo("similar name (67% of words)");
        assertThat(rows.get(3).suggestions()).isEmpty();
    }

    @Test
    void aCustomerMappedToAnIdTheSourceDoesNotReport_isFlagged() {
        assertThat(MappingReport.dangling("ninja", List.of(org("13", "Acme Dental")), customers))
                .containsExactly("acme -> 12");
    }

    @Test
    void suggestionsForACustomerThatAlreadyMapsAnotherOrganization_sayWhich() {
        List<MappingReport.Row> rows =
                MappingReport.of("ninja", List.of(org("12", "Acme"), org("13", "Acme Dental")), customers);
        MappingReport.Row second = rows.stream()
                .filter(r -> r.organization().externalId().equals("13"))
                .findFirst()
                .orElseThrow();
        assertThat(second.customerId()).isNull();
        assertThat(second.suggestions().get(0).why()).isEqualTo("same name; already maps 12");
    }

    @Test
    void names_ignoreCaseAccentsPunctuationAndLegalForms() {
        assertThat(NameMatch.score("Café Müller GmbH", "cafe muller")).isEqualTo(1.0);
        assertThat(NameMatch.score("Smith & Sons LLC", "Smith and Sons")).isEqualTo(1.0);
        assertThat(NameMatch.score("Acme", "Globex")).isZero();
    }
}
