package kr.aa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kr.aa.cycle.CycleLauncher;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.run.Folders;
import kr.aa.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * The cycle run in-process, as the integration tests run it: one local Spark session for the whole test JVM,
 * stopped when the JVM exits, and each fixture bundle's 2025 cycle under the default rules run once, into a
 * folder shared by every test that only reads it.
 */
public final class InProcess {

    /** A completed run: its output folder and the summary it printed. */
    public record Run(Path out, String summary) {

        public Path reports() {
            return out.resolve("reports/2025");
        }
    }

    private static final Map<String, Run> FIXTURES = new HashMap<>();
    private static SparkSession spark;
    private static Path fixtureRuns;

    private InProcess() {
    }

    /** The test JVM's Spark session; the pipeline's job uses it rather than starting its own. */
    public static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSessions.start("local[2]");
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }

    /**
     * Runs the cycle of a year on a bundle (a folder, or a JDBC URL) into {@code out}, its operational database
     * the embedded default; it must complete.
     */
    public static String cycle(int year, Object bundle, Path out, String rules) {
        return cycle(year, bundle, out, rules, Map.of());
    }

    /** The same, with the operational database that {@code environment} names ({@code AA_DB_URL}, ...). */
    public static String cycle(int year, Object bundle, Path out, String rules, Map<String, String> environment) {
        spark();
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        int exit = new CycleLauncher(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), environment)
                .run(year, bundle.toString(), Storage.local(out), rules, "local[2]");
        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8));
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /** The 2025 cycle of {@code bundles/<name>/} under the default rules, run on first use. */
    public static synchronized Run fixture(String name) {
        Run run = FIXTURES.get(name);
        if (run == null) {
            Path dir = fixtureRuns().resolve(name);
            Path out = dir.resolve("out");
            run = new Run(out, cycle(2025, Fixtures.bundle(name, dir.resolve("bundle")), out, RuleVersion.DEFAULT));
            FIXTURES.put(name, run);
        }
        return run;
    }

    private static Path fixtureRuns() {
        if (fixtureRuns == null) {
            try {
                fixtureRuns = Files.createTempDirectory("fixture-runs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = fixtureRuns;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.delete(Storage.local(dir))));
        }
        return fixtureRuns;
    }
}
