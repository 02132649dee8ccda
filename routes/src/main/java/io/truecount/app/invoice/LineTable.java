package io.truecount.app.invoice;

import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.SourceRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lines of a document (invoice or credit note) and the observations each line was computed from. Lines and
 * sources keep their order: a re-run compares the stored invoice with the rebuilt one with {@code equals}.
 */
final class LineTable {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final String lines;
    private final String sources;
    private final String key;

    /**
     * @param lines the line table ({@code invoice_line})
     * @param sources its source table ({@code invoice_line_source})
     * @param key the column naming the document in both ({@code invoice_number})
     */
    LineTable(JdbcTemplate jdbc, String lines, String sources, String key) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.sources = sources;
        this.key = key;
    }

    private record Source(String document, int position, int seq, SourceRef ref) {}

    void insert(String document, List<InvoiceLine> documentLines) {
        List<Integer> positions = new ArrayList<>();
        List<Source> refs = new ArrayList<>();
        for (int i = 0; i < documentLines.size(); i++) {
            positions.add(i);
            List<SourceRef> lineSources = documentLines.get(i).sources();
            for (int s = 0; s < lineSources.size(); s++) {
                refs.add(new Source(document, i + 1, s + 1, lineSources.get(s)));
            }
        }
        jdbc.batchUpdate(
                "insert into " + lines + " (" + key + ", position, contract_id, line_id, description, quantity,"
                        + " unit, unit_price, amount, taxable) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                positions,
                BATCH,
                (ps, position) -> {
                    InvoiceLine line = documentLines.get(position);
                    ps.setString(1, document);
                    ps.setInt(2, position + 1);
                    ps.setString(3, line.contractId());
                    ps.setString(4, line.lineId());
                    ps.setString(5, line.description());
                    ps.setBigDecimal(6, line.quantity());
                    ps.setString(7, line.unit().name());
                    ps.setBigDecimal(8, line.unitPrice());
                    ps.setBigDecimal(9, line.amount());
                    ps.setBoolean(10, line.taxable());
                });
        jdbc.batchUpdate(
                "insert into " + sources + " (" + key + ", position, seq, type, connector_id, external_id, label)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                refs,
                BATCH,
                (ps, source) -> {
                    ps.setString(1, source.document());
                    ps.setInt(2, source.position());
                    ps.setInt(3, source.seq());
                    ps.setString(4, source.ref().type());
                    ps.setString(5, source.ref().connectorId());
                    ps.setString(6, source.ref().externalId());
                    ps.setString(7, source.ref().label());
                });
    }

    /** Removes a document's lines; their sources go with them (on delete cascade). */
    void delete(String document) {
        jdbc.update("delete from " + lines + " where " + key + " = ?", document);
    }

    /** The lines of each document, in position order, with their sources in order; documents without lines absent. */
    Map<String, List<InvoiceLine>> load(Collection<String> documents) {
        Map<String, List<InvoiceLine>> result = new HashMap<>();
        if (documents.isEmpty()) {
            return result;
        }
        String[] keys = documents.toArray(String[]::new);
        Map<String, List<SourceRef>> refs = new HashMap<>();
        jdbc.query(
                "select " + key + ", position, type, connector_id, external_id, label from " + sources + " where " + key
                        + " = any(?) order by " + key + ", position, seq",
                rs -> {
                    refs.computeIfAbsent(rs.getString(1) + '#' + rs.getInt(2), k -> new ArrayList<>())
                            .add(new SourceRef(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                },
                (Object) keys);
        jdbc.query(
                "select " + key + ", position, contract_id, line_id, description, quantity, unit, unit_price, amount,"
                        + " taxable from " + lines + " where " + key + " = any(?) order by " + key + ", position",
                rs -> {
                    String document = rs.getString(1);
                    List<SourceRef> lineSources = refs.getOrDefault(document + '#' + rs.getInt(2), List.of());
                    result.computeIfAbsent(document, d -> new ArrayList<>()).add(line(rs, lineSources));
                },
                (Object) keys);
        return result;
    }

    private static InvoiceLine line(ResultSet rs, List<SourceRef> lineSources) throws SQLException {
        return new InvoiceLine(
                rs.getString("contract_id"),
                rs.getString("line_id"),
                rs.getString("description"),
                rs.getBigDecimal("quantity"),
                InvoiceLine.Unit.valueOf(rs.getString("unit")),
                rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("amount"),
                rs.getBoolean("taxable"),
                lineSources);
    }
}
