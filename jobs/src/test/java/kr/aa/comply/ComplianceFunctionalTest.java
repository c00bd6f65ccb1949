package kr.aa.comply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.aa.csv.CsvTable;
import kr.aa.testing.Fixtures;
import kr.aa.testing.Launcher;
import kr.aa.testing.Launcher.Result;
import kr.aa.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compliance over the years as a statistician runs it, through the {@code ./aa} launcher: a generated series
 * of three years, cycle after cycle, with the job repository and the ledger in the embedded H2 database and
 * in a real PostgreSQL server; a decision recorded from the command line; history imported.
 */
class ComplianceFunctionalTest {

    @TempDir
    Path dir;

    private Result aa(Map<String, String> environment, String... args) throws Exception {
        Result result = Launcher.aa(dir, environment, args);
        assertEquals(0, result.exit(), String.join(" ", args) + "\n" + result.stdout() + result.stderr());
        return result;
    }

    private static List<Map<String, String>> rows(Path reports, String report) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvTable table = CsvTable.open(reports, report + ".csv", List.of("reporting_year"))) {
            for (CsvTable.Row row : table) {
                Map<String, String> fields = new HashMap<>();
                row.columns().keySet().forEach(column -> fields.put(column, row.get(column)));
                rows.add(fields);
            }
        }
        return rows;
    }

    /** Generates a series of 2023-2025 and runs the three cycles; returns the output folder. */
    private Path threeCycles(Map<String, String> environment) throws Exception {
        Path bundles = dir.resolve("bundles");
        Path out = dir.resolve("out");
        aa(environment, "generate", "--year", "2025", "--years", "3", "--employers", "150", "--out", bundles.toString(),
                "--seed", "7");
        for (int year = 2023; year <= 2025; year++) {
            Result cycle = aa(environment, "cycle", "--year", Integer.toString(year), "--bundle",
                    bundles.resolve(Integer.toString(year)).toString(), "--out", out.toString());
            assertTrue(cycle.stdout().contains("cycle " + year + " completed"), cycle.stdout());
        }
        Path reports = out.resolve("reports/2025");
        List<String> reasons = rows(reports, "non_submitters").stream().map(r -> r.get("reason")).distinct().toList();
        assertTrue(reasons.containsAll(List.of("NOT_SUBMITTED", "NO_PLAN", "NO_PERFORMANCE_REPORT")), reasons.toString());
        assertTrue(rows(reports, "plan_reviews").stream().anyMatch(r -> r.get("supplement_requested").equals("true")));
        assertTrue(rows(reports, "performance_evaluations").stream().anyMatch(r -> r.get("poor").equals("true")));
        assertTrue(rows(reports, "compliance_rejections").size() >= 3);
        List<String> statuses = rows(reports, "naming_candidates").stream().map(r -> r.get("status")).distinct().toList();
        assertTrue(statuses.containsAll(List.of("CANDIDATE", "NOT_URGED", "URGE_FOLLOWED")), statuses.toString());
        List<Map<String, String>> press = rows(reports, "press_list");
        assertFalse(press.isEmpty(), "no press list");
        assertTrue(Files.readString(reports.resolve("press_list.html")).contains(press.get(0).get("business_place_name")));
        return out;
    }

    @Test
    void threeConsecutiveCyclesOnTheEmbeddedDatabaseEndWithAPressList() throws Exception {
        Path out = threeCycles(Map.of());
        assertTrue(Files.exists(out.resolve("state")), "the embedded database lives under the output folder");
    }

    @Test
    void threeConsecutiveCyclesOnPostgresqlAndADecisionRecordedFromTheCommandLine() throws Exception {
        Map<String, String> environment = PostgresServer.shared().newDatabase("three_cycles");
        Path out = threeCycles(environment);
        assertFalse(Files.exists(out.resolve("state")), "an embedded database was used");
        try (Connection connection = DriverManager.getConnection(environment.get("AA_DB_URL"),
                environment.get("AA_DB_USER"), environment.get("AA_DB_PASSWORD"));
             ResultSet years = connection.createStatement().executeQuery(
                     "SELECT COUNT(DISTINCT reporting_year) FROM assessed_units")) {
            years.next();
            assertEquals(3, years.getInt(1));
        }
        // the council finds a published employer's effort practical after all: the next run of 2025 drops it
        Path reports = out.resolve("reports/2025");
        String published = rows(reports, "press_list").get(0).get("employer_name");
        String employerId = rows(reports, "naming_candidates").stream()
                .filter(r -> r.get("employer_name").equals(published)).findFirst().orElseThrow().get("employer_id");
        aa(environment, "record", "--out", out.toString(), "--employer", employerId, "--year", "2025",
                "--action", "EXCEPTION_EFFORT", "--decided-on", "2025-07-01", "--note", "심의회 재심의");
        aa(environment, "cycle", "--year", "2025", "--bundle", dir.resolve("bundles/2025").toString(), "--out",
                out.toString());
        assertTrue(rows(reports, "naming_candidates").stream().anyMatch(r -> r.get("employer_id").equals(employerId)
                && r.get("status").equals("EXCLUDED_EFFORT")));
        assertTrue(rows(reports, "press_list").stream().noneMatch(r -> r.get("employer_name").equals(published)));
    }

    @Test
    void historyOfTheYearsBeforeThePipelineIsImported() throws Exception {
        Result imported = aa(Map.of(), "import-history", "--from",
                Fixtures.resource("bundles/compliance-cases/history").toString(), "--out", dir.resolve("out").toString());
        assertTrue(imported.stdout().startsWith("imported 32 assessed units, 5 plans, 0 performance reports and 2"
                + " decisions"), imported.stdout());
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("actions.csv"), "employer_id,year,action,decided_on,note\n"
                + "201-81-00011,2024,URGED,2024-02-30,\n");
        Result refused = Launcher.aa(dir, Map.of(), "import-history", "--from", bad.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.stderr().contains("actions.csv line 2: decided_on '2024-02-30' is not a date YYYY-MM-DD"),
                refused.stderr());
    }
}
