package kr.aa.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.aa.generate.BundleGenerator;
import kr.aa.io.CsvTable;
import kr.aa.io.DatasetSchema;
import kr.aa.io.Storage;
import kr.aa.testing.Fixtures;
import kr.aa.testing.Launcher.Result;
import kr.aa.testing.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cycle as a statistician runs it: the {@code ./aa} launcher in its own JVM, on a generated bundle and
 * on a bundle that cannot be read, with exit codes, messages and what is (not) left behind. (Restarts are
 * {@code CrashFaultTest}'s; the other unreadable bundles {@code MalformedBundlesTest}'s.)
 */
class LauncherFunctionalTest {

    @TempDir
    Path dir;

    private Result aa(String... args) throws IOException, InterruptedException {
        return Launcher.aa(dir, Map.of(), args);
    }

    private Result cycle(Path bundle, Path out) throws IOException, InterruptedException {
        return aa("cycle", "--year", "2025", "--bundle", bundle.toString(), "--out", out.toString());
    }

    @Test
    void aGeneratedBundleRunsEndToEndAndEveryTableIsAccountedFor() throws Exception {
        Path bundle = dir.resolve("bundle");
        Path out = dir.resolve("out");
        BundleGenerator.write(2025, 200, 7, bundle);
        // the headcount tables are what is counted here; the payroll of 200 employers (a quarter of a million rows)
        // would only lengthen the launch: the pay step goes through ./aa in the fault tier
        Files.delete(bundle.resolve("payroll.csv"));
        Result run = cycle(bundle, out);
        assertEquals(0, run.exit(), run.stderr());
        // the generated bundle of seed 7, counted exactly
        assertTrue(run.stdout().contains("282 tables submitted: 255 accepted (8 late), 11 rejected, 16 superseded;"
                + " accepted + rejected + superseded = submitted"), run.stdout());
        Map<String, Integer> rows = new TreeMap<>();
        for (String report : List.of("notifications", "benchmarks", "rejections", "non_submitters")) {
            List<String> lines = Files.readAllLines(out.resolve("reports/2025/" + report + ".csv"));
            assertEquals(String.join(",", DatasetSchema.load("reports", report).columnNames()), lines.get(0));
            rows.put(report, lines.size() - 1);
        }
        assertEquals(Map.of("benchmarks", 39, "non_submitters", 21, "notifications", 27, "rejections", 11), rows);
        Map<String, Integer> rules = new TreeMap<>();
        try (CsvTable rejections = CsvTable.open(Storage.local(out.resolve("reports/2025")), "rejections.csv",
                List.of("rule"))) {
            rejections.forEach(row -> rules.merge(row.get("rule"), 1, Integer::sum));
        }
        assertEquals(Map.of("BAD_CELL", 1, "DUPLICATE_CELL", 1, "EMPTY_TABLE", 1, "HEADER_MISMATCH", 1,
                "MANAGER_AT_LEVEL_III", 1, "MISSING_HEADER", 1, "UNKNOWN_EMPLOYER", 1, "UNKNOWN_INDUSTRY", 3,
                "UNKNOWN_WORKPLACE", 1), rules);
        assertTrue(Files.exists(out.resolve("state/aa.mv.db")), "the embedded database lives under the output folder");
    }

    private void assertStopsWithNothingPublished(Path bundle, String message) throws Exception {
        Path out = dir.resolve("out");
        Result run = cycle(bundle, out);
        assertEquals(1, run.exit(), run.stdout());
        assertTrue(run.stderr().contains("aa: the cycle of 2025 failed: " + message + "\n"), run.stderr());
        assertFalse(Files.exists(out.resolve("reports")), "reports written");
        assertFalse(Files.exists(out.resolve("warehouse")), "warehouse written");
    }

    @Test
    void aMissingFileStopsTheRun() throws Exception {
        Path bundle = Fixtures.bundle("manual-example", dir.resolve("bundle"));
        Files.delete(bundle.resolve("monthly_workforce.csv"));
        assertStopsWithNothingPublished(bundle, "monthly_workforce.csv: the file is missing from the bundle " + bundle);
    }
}
