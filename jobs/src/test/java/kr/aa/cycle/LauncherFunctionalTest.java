package kr.aa.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.aa.csv.CsvTable;
import kr.aa.generate.BundleGenerator;
import kr.aa.schema.DatasetSchema;
import kr.aa.testing.Fixtures;
import kr.aa.testing.Launcher;
import kr.aa.testing.Launcher.Result;
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
        Result run = cycle(bundle, out);
        assertEquals(0, run.exit(), run.stderr());
        Matcher tables = Pattern.compile("(\\d+) tables submitted: (\\d+) accepted \\(\\d+ late\\), (\\d+) rejected,"
                + " (\\d+) superseded; accepted \\+ rejected \\+ superseded = submitted").matcher(run.stdout());
        assertTrue(tables.find(), run.stdout());
        long submitted = Long.parseLong(tables.group(1));
        assertEquals(submitted, Long.parseLong(tables.group(2)) + Long.parseLong(tables.group(3))
                + Long.parseLong(tables.group(4)));
        for (String report : List.of("notifications", "benchmarks", "rejections", "non_submitters")) {
            List<String> lines = Files.readAllLines(out.resolve("reports/2025/" + report + ".csv"));
            assertEquals(String.join(",", DatasetSchema.load("reports", report).columnNames()), lines.get(0));
            assertTrue(lines.size() > 1, report + " is empty");
        }
        Set<String> rules = new TreeSet<>();
        try (CsvTable rejections = CsvTable.open(out.resolve("reports/2025"), "rejections.csv", List.of("rule"))) {
            rejections.forEach(row -> rules.add(row.get("rule")));
        }
        assertTrue(rules.containsAll(Set.of("UNKNOWN_EMPLOYER", "UNKNOWN_WORKPLACE", "UNKNOWN_INDUSTRY", "BAD_CELL",
                "MANAGER_AT_LEVEL_III", "HEADER_MISMATCH", "DUPLICATE_CELL", "MISSING_HEADER", "EMPTY_TABLE")),
                rules.toString());
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
