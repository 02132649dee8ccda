package io.truecount.connector.halopsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Json;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaloPsaMapperTest {

    private final HaloPsaMapper mapper = new HaloPsaMapper("halo");

    private static JsonNode json(String text) {
        try {
            return Json.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void client_isAnOrganizationUnderItsId_namedByIdWhenHaloHasNoName() {
        assertThat(mapper.organization(json("{\"id\":7,\"name\":\"Acme Dental\",\"inactive\":false}")))
                .isEqualTo(new ExternalOrganization("halo", "7", "Acme Dental"));
        assertThat(mapper.organization(json("{\"id\":9,\"name\":\"\"}")).name()).isEqualTo("9");
    }

    @Test
    void ticket_keepsClientTitlePriorityNameAndFirstCategory() {
        Map.Entry<String, Ticket> ticket = mapper.ticket(json("{\"id\":1234,\"client_id\":7,\"summary\":\"VPN down\","
                + "\"priority\":{\"id\":2,\"name\":\"P2 High\"},\"category_1\":\"Network\",\"category_2\":\"VPN\"}"));

        assertThat(ticket.getKey()).isEqualTo("1234");
        assertThat(ticket.getValue()).isEqualTo(new Ticket("7", "VPN down", "P2 High", "Network"));
    }

    @Test
    void ticket_acceptsPriorityAsText_andMayLackTitleAndCategory() {
        assertThat(mapper.ticket(json("{\"id\":5,\"client_id\":8,\"priority\":\"Low\"}"))
                        .getValue())
                .isEqualTo(new Ticket("8", null, "Low", null));
    }

    @Test
    void ticketWithoutClient_isMalformed() {
        assertThatThrownBy(() -> mapper.ticket(json("{\"id\":5,\"summary\":\"x\"}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("ticket 5 has no 'client_id'");
    }

    @Test
    void action_takesTimetakenNotChargeHours_andJoinsItsTicket() {
        Action action = mapper.action(json("{\"id\":3,\"ticket_id\":1234,\"outcome\":\"Remote Support\","
                + "\"who\":\"Jane Doe\",\"datetime\":\"2024-05-13T14:30:00Z\",\"note\":\"Reset VPN\","
                + "\"timetaken\":0.35,\"actionchargehours\":0.5,\"actisbillable\":true}"));

        TimeEntry entry = mapper.timeEntry(action, new Ticket("7", "VPN down", "P2 High", "Network"));

        assertThat(entry)
                .isEqualTo(new TimeEntry(
                        "halo",
                        "7",
                        "1234/3",
                        "1234",
                        "VPN down",
                        "Jane Doe",
                        "Remote Support",
                        "P2 High",
                        "Network",
                        true,
                        Instant.parse("2024-05-13T14:30:00Z"),
                        new BigDecimal("0.35")));
    }

    @Test
    void nonBillableAction_staysNonBillable() {
        Action action = mapper.action(json("{\"id\":4,\"ticket_id\":1,\"datetime\":\"2024-05-13T14:30:00Z\","
                + "\"timetaken\":1,\"actisbillable\":false}"));

        assertThat(action.billable()).isFalse();
        assertThat(action.hours()).isEqualByComparingTo("1");
    }

    @Test
    void dateTimeWithoutOffset_isUtc_andOneWithAnOffsetIsHonoured() {
        String withoutOffset = "{\"id\":1,\"ticket_id\":1,\"datetime\":\"2024-05-13T14:30:00.5\","
                + "\"timetaken\":1,\"actisbillable\":true}";
        String withOffset = "{\"id\":1,\"ticket_id\":1,\"datetime\":\"2024-05-13T16:30:00+02:00\","
                + "\"timetaken\":1,\"actisbillable\":true}";

        assertThat(mapper.action(json(withoutOffset)).start()).isEqualTo(Instant.parse("2024-05-13T14:30:00.5Z"));
        assertThat(mapper.action(json(withOffset)).start()).isEqualTo(Instant.parse("2024-05-13T14:30:00Z"));
    }

    @Test
    void hoursStayExactDecimals_alsoWhenSentAsText() {
        Action action = mapper.action(json("{\"id\":1,\"ticket_id\":1,\"datetime\":\"2024-05-13T14:30:00Z\","
                + "\"timetaken\":\"0.1\",\"actisbillable\":true}"));

        assertThat(action.hours()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void actionWithoutBillableFlag_orWithNegativeTime_orABadDate_isMalformed() {
        assertThatThrownBy(() -> mapper.action(
                        json("{\"id\":1,\"ticket_id\":2,\"datetime\":\"2024-05-13T14:30:00Z\",\"timetaken\":1}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("action 1 of ticket 2 has no true/false 'actisbillable'");
        assertThatThrownBy(() -> mapper.action(json("{\"id\":1,\"ticket_id\":2,\"datetime\":\"2024-05-13T14:30:00Z\","
                        + "\"timetaken\":-0.5,\"actisbillable\":true}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("action 1 of ticket 2 has a negative 'timetaken': -0.5");
        assertThatThrownBy(
                        () -> mapper.action(
                                json(
                                        "{\"id\":1,\"ticket_id\":2,\"datetime\":\"13/05/2024\",\"timetaken\":1,\"actisbillable\":true}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("action 1 of ticket 2 has a 'datetime' that is not a date-time: 13/05/2024");
    }
}
