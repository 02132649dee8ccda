package io.truecount.app.sync;

import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/** Reads observation rows back into billing-core records; the column names are those of the Flyway scripts. */
final class ObservationRows {

    private ObservationRows() {}

    static AssetObservation asset(ResultSet rs, String connectorId) throws SQLException {
        Array macs = rs.getArray("mac_addresses");
        return new AssetObservation(
                connectorId,
                rs.getString("organization_id"),
                rs.getString("external_id"),
                rs.getString("name"),
                AssetClass.valueOf(rs.getString("asset_class")),
                rs.getString("source_class"),
                rs.getBoolean("managed"),
                rs.getString("serial_number"),
                Arrays.asList((String[]) macs.getArray()),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_seen")));
    }

    static LicenseCount license(ResultSet rs, String connectorId) throws SQLException {
        return new LicenseCount(
                connectorId,
                rs.getString("organization_id"),
                rs.getString("sku_id"),
                rs.getString("sku_part_number"),
                rs.getString("capability_status"),
                rs.getLong("assigned"),
                rs.getLong("purchased"));
    }

    static UserAccount user(ResultSet rs, String connectorId) throws SQLException {
        return new UserAccount(
                connectorId,
                rs.getString("organization_id"),
                rs.getString("external_id"),
                rs.getString("user_principal_name"),
                rs.getBoolean("enabled"),
                Set.of((String[]) rs.getArray("sku_part_numbers").getArray()));
    }

    static TimeEntry timeEntry(ResultSet rs) throws SQLException {
        return new TimeEntry(
                rs.getString("connector_id"),
                rs.getString("organization_id"),
                rs.getString("external_id"),
                rs.getString("ticket_id"),
                rs.getString("ticket_title"),
                rs.getString("technician"),
                rs.getString("work_type"),
                rs.getString("priority"),
                rs.getString("category"),
                rs.getBoolean("billable"),
                rs.getTimestamp("start_at").toInstant(),
                rs.getBigDecimal("hours"));
    }

    /** A text[] column as a set. */
    static Set<String> texts(Array array) throws SQLException {
        return array == null ? Set.of() : Set.of((String[]) array.getArray());
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
