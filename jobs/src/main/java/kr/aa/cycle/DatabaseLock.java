package kr.aa.cycle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * refused start can name it. Other databases are an output folder's own, which {@link OutputLock} guards. Also
 * the lock of an output folder off the local disk, which {@link OutputLock} takes here.
 */
public final class DatabaseLock implements AutoCloseable {

    /** The advisory lock's class: the year is its key within it. */
    private static final int LOCK_CLASS = 0x41414359;

    private final Connection connection;

    private DatabaseLock(Connection connection) {
        this.connection = connection;
    }

    /** What a lock does on its connection, told whether the database is PostgreSQL; throws {@link OutputLock.InUse}. */
    private interface Locking {
        void lock(Connection connection, boolean postgres) throws SQLException;
    }

    /** Takes the year's lock where the database is PostgreSQL; fails with {@link OutputLock.InUse} when held. */
    public static DatabaseLock take(DataSource dataSource, String url, int reportingYear, String holder) {
        return open(dataSource, url, "the year " + reportingYear, (connection, postgres) -> {
            if (postgres) {
                lock(connection, url, reportingYear, holder);
            }
        });
    }

    /**
     * Takes the lock of an output folder on a file system shared by several machines, where no operating-system lock
     * reaches: an advisory lock keyed by a digest of its URI, in a PostgreSQL database; fails with
     * {@link OutputLock.InUse} when held.
     */
    public static DatabaseLock takeFolder(DataSource dataSource, String url, String folder) {
        return open(dataSource, url, folder, (connection, postgres) -> {
            if (!postgres) {
                throw new IllegalArgumentException(folder + " is on a shared file system: its runs are locked in a"
                        + " PostgreSQL database (AA_DB_URL), not in " + url);
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key(folder));
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        throw new OutputLock.InUse(folder + " is in use by another run (its lock is held in " + url
                                + "); wait for it to end (one cycle at a time per output folder)");
                    }
                }
            }
        });
    }

    private static long key(String folder) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(folder.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection of its own, locked as {@code locking} says; closed again when the lock cannot be taken. */
    private static DatabaseLock open(DataSource dataSource, String url, String what, Locking locking) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
        try {
            locking.lock(connection,
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
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
            throw new IllegalStateException("cannot lock " + what + " in " + url + ": " + e.getMessage(), e);
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
            throw new IllegalStateException("cannot release a lock held in the database: " + e.getMessage(), e);
        }
    }
}
