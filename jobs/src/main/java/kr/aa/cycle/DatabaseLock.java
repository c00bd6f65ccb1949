package kr.aa.cycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * One run of a year at a time in a PostgreSQL database that several output folders share ({@code AA_DB_URL}):
 * an advisory lock on the year, held on a connection of its own for the whole run and released by the server
 * when that connection ends, however the run ends; the holder is written to {@code cycle_locks} so that a
 * refused start can name it. Other databases are an output folder's own, which {@link OutputLock} guards.
 */
public final class DatabaseLock implements AutoCloseable {

    /** The advisory lock's class: the year is its key within it. */
    private static final int LOCK_CLASS = 0x41414359;

    private final Connection connection;

    private DatabaseLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the year's lock where the database is PostgreSQL; fails with {@link OutputLock.InUse} when held. */
    public static DatabaseLock take(DataSource dataSource, String url, int reportingYear, String holder) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
        try {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                lock(connection, url, reportingYear, holder);
            }
            return new DatabaseLock(connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot lock the year " + reportingYear + " in " + url + ": "
                    + e.getMessage(), e);
        }
    }

    private static void lock(Connection connection, String url, int reportingYear, String holder)
            throws SQLException {
        if (!locked(connection, reportingYear)) {
            throw new OutputLock.InUse("the cycle of " + reportingYear + " is running against " + url + " from another"
                    + " output folder: " + holder(connection, reportingYear) + "; wait for it to end (one run of a year"
                    + " at a time)");
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM cycle_locks WHERE reporting_year = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO cycle_locks (reporting_year, holder) VALUES (?, ?)")) {
            delete.setInt(1, reportingYear);
            delete.executeUpdate();
            insert.setInt(1, reportingYear);
            insert.setString(2, holder);
            insert.executeUpdate();
        }
    }

    private static boolean locked(Connection connection, int reportingYear) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, reportingYear);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static String holder(Connection connection, int reportingYear) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT holder FROM cycle_locks WHERE reporting_year = ?")) {
            query.setInt(1, reportingYear);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : "a run that has not said who it is";
            }
        }
    }

    /** Ends the lock's connection, which releases the lock. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the lock of the year: " + e.getMessage(), e);
        }
    }
}
