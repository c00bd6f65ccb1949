package kr.aa.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import kr.aa.io.BundleException;
import kr.aa.io.CsvTable;
import kr.aa.io.RecordTable;

/**
 * A bundle table read from a database through JDBC: {@code SELECT *} of the table named like the dataset,
 * ordered by the contract's columns so that a rerun reads the same records in the same order. A record's
 * "line" is its position in that order, counting as a CSV file would (the first record is 2). Values are
 * read as text, empty for NULL, and checked as the CSV file's would be. Credentials come from
 * {@code AA_BUNDLE_DB_USER} and {@code AA_BUNDLE_DB_PASSWORD}.
 */
final class DatabaseTable implements RecordTable {

    private final Connection connection;
    private final ResultSet results;
    private final String source;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;

    private DatabaseTable(Connection connection, String table, List<String> requiredColumns) throws SQLException {
        this.connection = connection;
        this.source = table + " (database table)";
        Statement statement = connection.createStatement();
        statement.setFetchSize(10_000);
        // ordered by the required columns' positions: names such as "month" are keywords in some databases
        List<String> positions = new ArrayList<>();
        try (ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData metaData = none.getMetaData();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                columns.put(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), i - 1);
            }
        }
        for (String column : requiredColumns) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new BundleException(source + ": the column " + column + " is missing (it needs "
                        + String.join(", ", requiredColumns) + ")");
            }
            positions.add(Integer.toString(index + 1));
        }
        this.width = columns.size();
        this.results = statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + String.join(", ", positions));
    }

    static DatabaseTable open(String url, String table, List<String> requiredColumns) {
        Connection connection = null;
        try {
            connection = connect(url);
            connection.setReadOnly(true);
            connection.setAutoCommit(false); // PostgreSQL streams a result set by fetch size only in a transaction
            return new DatabaseTable(connection, table, requiredColumns);
        } catch (BundleException e) {
            closeQuietly(connection, e);
            throw e;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new BundleException(table + ": cannot be read from the bundle database " + url + " ("
                    + e.getMessage().lines().findFirst().orElse("") + "); it needs a table " + table
                    + " with the columns " + String.join(", ", requiredColumns), e);
        }
    }

    static boolean exists(String url, String table) {
        try (Connection connection = connect(url)) {
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new BundleException("the bundle database " + url + " cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        String user = System.getenv("AA_BUNDLE_DB_USER");
        return user == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user, System.getenv("AA_BUNDLE_DB_PASSWORD"));
    }

    @Override
    public Iterator<CsvTable.Row> iterator() {
        return new Iterator<>() {
            private long line = 1;
            private CsvTable.Row next = advance();

            private CsvTable.Row advance() {
                try {
                    if (!results.next()) {
                        return null;
                    }
                    List<String> fields = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        String value = results.getString(i);
                        fields.add(value == null ? "" : value);
                    }
                    return new CsvTable.Row(source, ++line, columns, fields);
                } catch (SQLException e) {
                    throw new BundleException(source + ": reading failed after record " + line + " ("
                            + e.getMessage() + ")", e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public CsvTable.Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                CsvTable.Row row = next;
                next = advance();
                return row;
            }
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new BundleException(source + ": cannot be closed (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
