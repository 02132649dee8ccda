package io.truecount.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads what a run left in its database, for assertions: every value as text. */
final class Sql {

    private Sql() {}

    static List<List<String>> rows(String jdbcUrl, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first column of every row. */
    static List<String> column(String jdbcUrl, String sql) throws SQLException {
        return rows(jdbcUrl, sql).stream().map(r -> r.get(0)).toList();
    }

    static long count(String jdbcUrl, String sql) throws SQLException {
        return Long.parseLong(column(jdbcUrl, sql).get(0));
    }
}
