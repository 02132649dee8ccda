package io.truecount.connector.connectwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Json;
import io.truecount.connector.paging.MalformedRecordException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ConnectWise time-entry JSON to {@link Entry}: billable options, what is a ticket, and what is malformed. */
class ConnectWiseMapperTest {

    private final ConnectWiseMapper mapper = new ConnectWiseMapper("cw");

    private static JsonNode json(String text) throws Exception {
        // The connector's reader, which keeps decimals exact.
        return Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"Billable, true", "DoNotBill, false", "NoCharge, false", "NoDefault, false"})
    void onlyTheBillableOptionBillable_isBillable(String option, boolean billable) throws Exception {
        String entry =
                CwStubs.entry(9, 250, "ServiceTicket", 1, option, "2026-02-01T08:00:00Z", "1", "2026-02-01T09:00:00Z");

        assertThat(mapper.entry(json(entry)).billable()).isEqualTo(billable);
    }

    @ParameterizedTest
    @CsvSource({"ServiceTicket, 4711, true", "ProjectTicket, 4711, false", "ChargeCode, , false", "Activity, , false"})
    void onlyTicketCharges_haveATicket(String chargeToType, String ticketId, boolean service) throws Exception {
        String entry = CwStubs.entry(
                9, 250, chargeToType, 4711, "Billable", "2026-02-01T08:00:00Z", "1", "2026-02-01T09:00:00Z");

        Entry mapped = mapper.entry(json(entry));

        assertThat(mapped.ticketId()).isEqualTo(ticketId);
        assertThat(mapped.serviceTicket()).isEqualTo(service);
    }

    @Test
    void hoursAreActualHours_exactly_andLastUpdatedComesFromInfo() throws Exception {
        String entry = CwStubs.entry(
                9, 250, "ServiceTicket", 1, "Billable", "2026-02-01T08:00:00Z", "1.10", "2026-02-03T09:00:00Z");

        Entry mapped = mapper.entry(json(entry));

        assertThat(mapped.hours()).isEqualByComparingTo(new BigDecimal("1.10"));
        assertThat(mapped.start()).isEqualTo(Instant.parse("2026-02-01T08:00:00Z"));
        assertThat(mapped.lastUpdated()).isEqualTo(Instant.parse("2026-02-03T09:00:00Z"));
        assertThat(mapped.companyId()).isEqualTo("250");
        assertThat(mapped.technician()).isEqualTo("jdoe");
        assertThat(mapped.workType()).isEqualTo("Remote");
    }

    @Test
    void anEntryWithoutCompany_orStart_orWithNegativeHours_isMalformed() throws Exception {
        String entry = CwStubs.entry(9);
        assertThatThrownBy(() -> mapper.entry(json(entry.replace("\"company\":{\"id\":250,", "\"company\":{"))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("time entry 9 has no 'company/id'");
        assertThatThrownBy(() -> mapper.entry(json(entry.replace("\"timeStart\"", "\"timeEnd\""))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("time entry 9 has no 'timeStart'");
        assertThatThrownBy(() -> mapper.entry(json(entry.replace("\"actualHours\":0.5", "\"actualHours\":-1"))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("negative 'actualHours'");
    }

    @Test
    void aCompanyWithoutName_isNamedByItsIdentifier() throws Exception {
        assertThat(mapper.organization(json("{\"id\":250,\"identifier\":\"AcmeDental\"}"))
                        .name())
                .isEqualTo("AcmeDental");
    }

    @Test
    void aCompanysWebsite_becomesItsDomain_forMappingSuggestions() throws Exception {
        assertThat(mapper.organization(json(
                                "{\"id\":250,\"name\":\"Acme\",\"website\":\"https://WWW.Acme-Dental.com/about\"}"))
                        .references())
                .containsExactly("domain:acme-dental.com");
        assertThat(mapper.organization(json("{\"id\":251,\"name\":\"Beta\",\"website\":\"beta.org\"}"))
                        .references())
                .containsExactly("domain:beta.org");
        assertThat(mapper.organization(json("{\"id\":252,\"name\":\"Gamma\",\"website\":\"n/a\"}"))
                        .references())
                .isEmpty();
        assertThat(mapper.organization(json("{\"id\":253,\"name\":\"Delta\"}")).references())
                .isEmpty();
    }
}
