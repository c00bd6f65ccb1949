package kr.aa.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.aa.testing.InProcess;
import kr.aa.testing.Launcher;

/**
 * What the fault tests do to a run of the {@code pay-cases} bundle through {@code ./aa}, and how they compare its
 * outcome with an uninterrupted run's (the bundle's run in this JVM).
 */
final class Restarts {

    private Restarts() {
    }

    /** The command of the 2025 cycle of {@code bundle} into {@code out}. */
    static String[] cycle(Path bundle, Path out) {
        return new String[] {"cycle", "--year", "2025", "--bundle", bundle.toString(), "--out", out.toString()};
    }

    /** The output of the uninterrupted run of {@code pay-cases}. */
    static Path uninterrupted() {
        return InProcess.fixture("pay-cases").out();
    }

    /** Runs the same command to the end after a kill inside {@code publish}: it resumes there. */
    static void finish(Path dir, Map<String, String> environment, Path bundle, Path out) throws Exception {
        Launcher.Result finished = Launcher.aa(dir, environment, cycle(bundle, out));
        assertEquals(0, finished.exit(), finished.stdout() + finished.stderr());
        assertTrue(finished.stdout().contains("restarting the failed run"), finished.stdout());
        // the steps that completed are not run again
        assertFalse(finished.stderr().contains("Executing step: [assess]"), "assess ran again");
        assertTrue(finished.stderr().contains("Executing step: [publish]"), finished.stderr());
        try (Stream<Path> work = Files.list(out.resolve(".work"))) {
            assertEquals(List.of(), work.toList(), "a work folder outlived its publication");
        }
    }

    /**
     * Every published file: a report by the digest of its bytes, a Parquet file by its rows in order (the bytes of
     * a Parquet file's footer vary from one JVM to another). The work folders and the database are not output.
     */
    static Map<String, String> published(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(out)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString();
                if (name.startsWith("state/") || name.startsWith(".work/")) {
                    continue;
                }
                files.put(name, name.endsWith(".parquet")
                        ? InProcess.spark().read().parquet(file.toString()).collectAsList().toString()
                        : Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(file))));
            }
        }
        return files;
    }

    /** The ledger's rows of 2025 in the embedded database of {@code out}, counted per table. */
    static String ledger(Path out) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + out.resolve("state/aa"), "sa", "")) {
            return ledger(connection);
        }
    }

    /** The ledger's rows of 2025, counted per table: the year once, whole. */
    static String ledger(Connection connection) throws Exception {
        StringBuilder counts = new StringBuilder();
        for (String query : List.of("SELECT COUNT(*) FROM assessed_units WHERE reporting_year = 2025",
                "SELECT COUNT(*) FROM plans", "SELECT COUNT(*) FROM performance_reports", "SELECT COUNT(*) FROM actions",
                "SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'")) {
            try (ResultSet rows = connection.createStatement().executeQuery(query)) {
                rows.next();
                counts.append(rows.getLong(1)).append(' ');
            }
        }
        return counts.toString().strip();
    }
}
