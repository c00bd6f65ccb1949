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
import java.util.TreeMap;
import java.util.stream.Collectors;
import kr.aa.generate.BundleGenerator;
import kr.aa.io.CsvTable;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import kr.aa.testing.Launcher.Result;
import kr.aa.testing.Launcher;
import kr.aa.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compliance over the years as a statistician runs it in production: a generated series of three years, cycle
 * after cycle, with the job repository and the ledger in a real PostgreSQL server and a decision recorded
 * between them through the {@code ./aa} launcher; history imported through the launcher. The cycles themselves
 * run in this JVM (the launcher's cycles on PostgreSQL, killed and cut from their server, are
 * {@code CrashOnPostgresqlFaultTest}'s; the same rules on the embedded H2 database
 * {@code ComplianceIntegrationTest}'s).
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
        return rows(reports, report, "reporting_year");
    }

    /** The rows of a CSV file of the folder, each a map from column to field. */
    private static List<Map<String, String>> rows(Path dir, String file, String requiredColumn) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvTable table = CsvTable.open(Storage.local(dir), file + ".csv", List.of(requiredColumn))) {
            for (CsvTable.Row row : table) {
                Map<String, String> fields = new HashMap<>();
                row.columns().keySet().forEach(column -> fields.put(column, row.get(column)));
                rows.add(fields);
            }
        }
        return rows;
    }

    /**
     * Generates a series of 150 employers for 2023-2025 into {@code dir/bundles}, without its payroll: the
     * years' compliance is what these cycles follow (the pay disclosure of a generated bundle is
     * {@code LauncherFunctionalTest}'s), and the payroll is optional.
     */
    private Path generate() throws Exception {
        Path bundles = dir.resolve("bundles");
        for (Path bundle : BundleGenerator.writeYears(2025, 3, 150, 7, bundles)) {
            Files.delete(bundle.resolve("payroll.csv"));
        }
        return bundles;
    }

    private void cycle(Map<String, String> environment, int year) {
        String summary = InProcess.cycle(year, dir.resolve("bundles").resolve(Integer.toString(year)),
                dir.resolve("out"), RuleVersion.DEFAULT, environment);
        assertTrue(summary.contains("cycle " + year + " completed"), summary);
    }

    /** How many rows of a report hold each value of a column. */
    private static Map<String, Long> tally(List<Map<String, String>> rows, String column) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.get(column), TreeMap::new, Collectors.counting()));
    }

    /**
     * What the third year of the generated series (seed 7) shows, counted exactly: each of the law's edge cases
     * the generator makes, and the press list.
     */
    private void checkTheThirdYear() throws Exception {
        Path reports = dir.resolve("out/reports/2025");
        assertEquals(Map.of("LATE_PERFORMANCE_REPORT", 1L, "LATE_PLAN", 1L, "NOT_SUBMITTED", 9L,
                "NO_PERFORMANCE_REPORT", 1L, "NO_PLAN", 5L, "PARTLY_REJECTED", 4L, "REJECTED", 1L),
                tally(rows(reports, "non_submitters"), "reason"));
        assertEquals(Map.of("NO_MONTHLY_COUNTS", 3L), tally(rows(reports, "registry_gaps"), "gap"));
        // plans of employers with no unit notified in 2024 are voluntary
        List<String> notified = rows(dir.resolve("out/reports/2024"), "notifications").stream()
                .map(r -> r.get("employer_id")).toList();
        List<Map<String, String>> reviews = rows(reports, "plan_reviews");
        assertEquals(Map.of(false, 16L, true, 21L), reviews.stream().collect(Collectors.groupingBy(
                r -> !notified.contains(r.get("employer_id")), Collectors.counting())));
        assertEquals(Map.of("false", 35L, "true", 2L), tally(reviews, "supplement_requested"));
        assertEquals(Map.of("false", 6L, "true", 29L), tally(rows(reports, "performance_evaluations"), "poor"));
        assertEquals(3, rows(reports, "compliance_rejections").size());
        assertEquals(Map.of("CANDIDATE", 3L, "NOT_URGED", 6L, "URGE_FOLLOWED", 1L),
                tally(rows(reports, "naming_candidates"), "status"));
        List<Map<String, String>> press = rows(reports, "press_list");
        assertEquals(List.of("(주)대성전자 2025-09-01", "(주)동해통신 2025-09-10"), press.stream()
                .map(r -> r.get("employer_name") + " " + r.get("published_from")).toList());
        String page = Files.readString(reports.resolve("press_list.html"));
        press.forEach(r -> assertTrue(page.contains(r.get("business_place_name")), r.get("business_place_name")));
    }

    @Test
    void threeConsecutiveCyclesOnPostgresqlWithADecisionRecordedFromTheCommandLine() throws Exception {
        Map<String, String> environment = PostgresServer.shared().newDatabase("three_cycles");
        Path bundles = generate();
        cycle(environment, 2023);
        cycle(environment, 2024);
        // the council decides to publish an employer whose notice the bundle shows only 30 days before its
        // decision, once more than 30 days have run
        Path lastYear = bundles.resolve("2025");
        String employerId = rows(lastYear, "actions", "year").stream()
                .filter(r -> r.get("action").equals("PUBLISH") && r.get("decided_on").equals("2025-08-31"))
                .findFirst().orElseThrow().get("employer_id");
        aa(environment, "record", "--out", dir.resolve("out").toString(), "--employer", employerId, "--year", "2025",
                "--action", "PUBLISH", "--decided-on", "2025-09-01", "--note", "통지 후 30일 경과");
        cycle(environment, 2025);
        String name = rows(lastYear, "employers", "employer_id").stream()
                .filter(r -> r.get("employer_id").equals(employerId)).findFirst().orElseThrow().get("name");
        checkTheThirdYear();
        // published from the day of the decision recorded from the command line
        assertEquals("(주)대성전자", name);
        assertFalse(Files.exists(dir.resolve("out/state/aa.mv.db")), "an embedded database was used");
        try (Connection connection = DriverManager.getConnection(environment.get("AA_DB_URL"),
                environment.get("AA_DB_USER"), environment.get("AA_DB_PASSWORD"));
             ResultSet ledger = connection.createStatement().executeQuery("SELECT COUNT(DISTINCT reporting_year),"
                     + " (SELECT COUNT(*) FROM actions WHERE source = 'recorded') FROM assessed_units")) {
            ledger.next();
            assertEquals("3 1", ledger.getInt(1) + " " + ledger.getInt(2));
        }
    }

    @Test
    void historyOfTheYearsBeforeThePipelineIsImported() throws Exception {
        Result imported = aa(Map.of(), "import-history", "--from",
                Fixtures.resource("bundles/compliance-cases/history").toString(), "--out", dir.resolve("out").toString());
        assertTrue(imported.stdout().startsWith("imported 34 assessed units, 6 plans, 0 performance reports and 2"
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
