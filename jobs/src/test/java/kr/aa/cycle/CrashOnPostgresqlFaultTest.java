package kr.aa.cycle;

import static kr.aa.cycle.Restarts.cycle;
import static kr.aa.cycle.Restarts.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import javax.sql.DataSource;
import kr.aa.comply.Ledger;
import kr.aa.io.Storage;
import kr.aa.testing.Fixtures;
import kr.aa.testing.Launcher;
import kr.aa.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of a run whose job repository and ledger are in a PostgreSQL server, through the {@code ./aa} launcher on
 * the {@code pay-cases} bundle: the server gone in the middle of a run, the restart killed inside {@code publish};
 * two output folders sharing one database. (The kills inside every step are {@code CrashFaultTest}'s, on the embedded
 * database: what differs on PostgreSQL is the repository a restart recovers from.)
 */
class CrashOnPostgresqlFaultTest {

    @TempDir
    Path dir;

    /**
     * A run left by the server inside {@code disclosePay}, failing with one message and publishing nothing, its job
     * execution still marked running; once the server is back, the same command restarts it and is killed inside
     * {@code publish}; and once more to the end.
     */
    @Test
    void aRunKilledOrLeftByItsServerIsFinishedByTheSameCommand() throws Exception {
        Path bundle = Fixtures.bundle("pay-cases", dir.resolve("bundle"));
        try (PostgresServer server = PostgresServer.startOwn()) {
            Map<String, String> environment = server.newDatabase("killed");
            Path out = dir.resolve("out");
            Launcher.Result cut = Launcher.onLine("computed pay_figures", process -> server.stop(), environment,
                    cycle(bundle, out));
            assertEquals(1, cut.exit(), cut.stdout());
            assertTrue(cut.stdout().contains("aa: the cycle of 2025 failed: ") && cut.stdout().contains(
                    "nothing was published"), cut.stdout());
            assertFalse(Files.exists(out.resolve("reports")), "published without its database");
            server.restart();
            // after the dataset the ledger is written from has moved: the restart writes the ledger from where it is
            String printed = Launcher.killAt("moved warehouse/units", environment, cycle(bundle, out));
            assertTrue(printed.contains("was interrupted") && printed.contains("restarting the failed run"), printed);
            assertFalse(printed.contains("Executing step: [assess]"), "assess ran again");
            Restarts.finish(dir, environment, bundle, out);
            assertEquals(published(Restarts.uninterrupted()), published(out));
            try (Connection connection = DriverManager.getConnection(environment.get("AA_DB_URL"),
                    environment.get("AA_DB_USER"), environment.get("AA_DB_PASSWORD"))) {
                assertEquals(Restarts.ledger(Restarts.uninterrupted()), Restarts.ledger(connection));
            }
        }
    }

    @Test
    void twoFoldersSharingADatabaseCannotRunTheSameYearAtOnce() throws Exception {
        Map<String, String> environment = PostgresServer.shared().newDatabase("shared");
        JobDatabase database = made(environment);
        DataSource dataSource = database.dataSource();
        try (DatabaseLock held = DatabaseLock.take(dataSource, database.url(), 2025, "a run of another folder")) {
            Launcher.Result refused = Launcher.aa(dir, environment, cycle(dir.resolve("bundle"), dir.resolve("other")));
            assertEquals(CycleLauncher.IN_USE, refused.exit(), refused.stdout() + refused.stderr());
            assertTrue(refused.stderr().contains("aa: the cycle of 2025 is running against " + database.url()
                    + " from another output folder: a run of another folder; wait for it to end"), refused.stderr());
        }
    }

    @Test
    void aFolderOffTheLocalDiskIsLockedInItsDatabaseOneRunAtATime() {
        Map<String, String> environment = PostgresServer.shared().newDatabase("folders");
        org.apache.hadoop.fs.Path folder = Storage.location("hdfs://127.0.0.1:1/aa");
        JobDatabase database = JobDatabase.from(environment, folder);
        try (OutputLock first = OutputLock.take(folder, 2024, "cycle --year 2024", database)) {
            OutputLock.InUse refused = assertThrows(OutputLock.InUse.class,
                    () -> OutputLock.take(folder, 2025, "whatif --year 2025", database));
            assertTrue(refused.getMessage().startsWith("hdfs://127.0.0.1:1/aa is in use by another run (its lock is"
                    + " held in " + environment.get("AA_DB_URL") + ")"), refused.getMessage());
            OutputLock.take(Storage.location("hdfs://127.0.0.1:1/other"), 2025, "cycle --year 2025", database)
                    .close();
        }
        OutputLock.take(folder, 2025, "cycle --year 2025", database).close();
    }

    /** The database an environment names, with its job repository's tables and the ledger's. */
    private static JobDatabase made(Map<String, String> environment) {
        JobDatabase database = new JobDatabase(environment.get("AA_DB_URL"), environment.get("AA_DB_USER"),
                environment.get("AA_DB_PASSWORD"));
        new Ledger(database.dataSource());
        return database;
    }
}
