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
import java.util.Set;
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

    @Test
    void anOrganizationSharingAKeyWithAMappedOneElsewhere_suggestsThatCustomerFirst() {
        customers.put("zenith", customer("zenith", "Zenith Plumbing Co", Map.of("at", List.of("4711"))));
        customers.put("yarrow", customer("yarrow", "Yarrow Legal", Map.of("m365", List.of("tenant-y"))));
        CrossReferences references = new CrossReferences();
        // Autotask companies are referenced by their id; a Graph tenant by its domains.
        references.add("at", "autotask", List.of(new ExternalOrganization("at", "4711", "Zenith Plumbing")), customers);
        references.add(
                "m365",
                "microsoft-graph",
                List.of(new ExternalOrganization(
                        "m365", "tenant-y", "Yarrow", Set.of(ExternalOrganization.domain("WWW.Yarrow-Legal.com")))),
                customers);

        List<MappingReport.Row> rows = MappingReport.of(
                "datto",
                "datto-rmm",
                List.of(
                        new ExternalOrganization(
                                "datto", "s-1", "ZP main office", Set.of(ExternalOrganization.autotaskCompany("4711"))),
                        new ExternalOrganization(
                                "datto", "s-2", "Acme Dental", Set.of(ExternalOrganization.domain("yarrow-legal.com"))),
                        new ExternalOrganization("datto", "s-3", "Nobody", Set.of("autotask-company:999"))),
                customers,
                references);

        assertThat(rows.get(0).organization().externalId()).isEqualTo("s-2");
        assertThat(rows.get(0).suggestions())
                .extracting(MappingReport.Suggestion::customerId, MappingReport.Suggestion::why)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "yarrow", "same domain yarrow-legal.com as m365 \"Yarrow\""),
                        org.assertj.core.groups.Tuple.tuple("acme", "same name"));
        assertThat(rows.get(1).organization().externalId()).isEqualTo("s-3");
        assertThat(rows.get(1).suggestions()).isEmpty();
        assertThat(rows.get(2).suggestions())
                .extracting(MappingReport.Suggestion::customerId, MappingReport.Suggestion::why)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "zenith", "same autotask-company 4711 as at \"Zenith Plumbing\""));
    }
}
