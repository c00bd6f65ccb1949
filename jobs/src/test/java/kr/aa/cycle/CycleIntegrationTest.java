package kr.aa.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.aa.explain.Explanation;
import kr.aa.io.CsvTable;
import kr.aa.io.DatasetSchema;
import kr.aa.io.Storage;
import kr.aa.report.Html;
import kr.aa.report.Korean;
import kr.aa.rules.RuleVersion;
import kr.aa.run.Refused;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole job in-process on small named bundles, in the test JVM's one local Spark session: the report CSVs
 * must equal the golden files in {@code bundles/<case>/expected/}, and the warehouse must hold what they say.
 * Each bundle that tests only read is run once ({@link InProcess#fixture}).
 */
class CycleIntegrationTest {

    private final SparkSession spark = InProcess.spark();

    @TempDir
    Path dir;

    private String cycle(int year, Object bundle, Path out) {
        return InProcess.cycle(year, bundle, out, RuleVersion.DEFAULT);
    }

    private static Path out(String name) {
        return InProcess.fixture(name).out();
    }

    /** The listed fields of the rows of a 2025 report of the bundle whose employer is the one given, comma-joined. */
    private static List<String> rows(String name, String report, String employer, String... columns) {
        List<String> found = new java.util.ArrayList<>();
        try (CsvTable table = CsvTable.open(Storage.local(InProcess.fixture(name).reports()), report + ".csv",
                List.of(columns))) {
            for (CsvTable.Row row : table) {
                if (row.get("employer_id").equals(employer)) {
                    found.add(String.join(",", java.util.Arrays.stream(columns).map(row::get).toList()));
                }
            }
        }
        return found;
    }

    /** Every file in {@code expected/} must equal the report of the same name, byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"manual-example", "standard-edges", "workforce", "pay-cases"})
    void reportsEqualTheGoldenFiles(String name) throws IOException {
        Path out = out(name);
        Path expected = Fixtures.resource("bundles/" + name + "/expected");
        try (Stream<Path> files = Files.list(expected)) {
            for (Path golden : files.sorted().toList()) {
                assertEquals(Files.readString(golden),
                        Files.readString(out.resolve("reports/2025").resolve(golden.getFileName())),
                        name + " " + golden.getFileName());
            }
        }
    }

    @Test
    void thePayPagesShowTheFiguresOfTheCsvAndNoSuppressedOne() throws IOException {
        Path out = out("pay-cases");
        Path pay = out.resolve("reports/2025/pay");
        assertTrue(Files.readString(pay.resolve("index.html")).contains("역전상사"));
        String page = Files.readString(pay.resolve("401-81-00006.html"));
        try (CsvTable gaps = CsvTable.open(Storage.local(out.resolve("reports/2025")), "pay_gap.csv",
                List.of("employer_id"))) {
            for (CsvTable.Row row : gaps) {
                if (row.get("employer_id").equals("401-81-00006")) {
                    for (String column : List.of("men", "women", "median_gap_pct", "mean_gap_pct")) {
                        assertTrue(row.get(column).isEmpty() || page.contains(Korean.number(row.get(column))),
                                column + " " + row.get(column) + " missing from the page");
                    }
                    for (String column : List.of("median_pay_men", "median_pay_women", "mean_pay_men",
                            "mean_pay_women")) {
                        assertTrue(row.get(column).isEmpty() || page.contains(Korean.won(row.get(column))),
                                column + " " + row.get(column) + " missing from the page as KRW");
                    }
                }
            }
        }
        // 소수상사 has 4 women: its medians and means (44,500,000 and 31,500,000 KRW) must appear nowhere
        String suppressed = Files.readString(pay.resolve("401-81-00007.html"));
        for (String figure : List.of("44500000", "44,500,000", "31500000", "31,500,000")) {
            assertFalse(suppressed.contains(figure), figure + " shown for a suppressed employer");
        }
        assertTrue(suppressed.contains("비공개"));
    }

    @Test
    void theAnnualReportPrintsTheNationalStatisticsOfTheCsv() throws IOException {
        Path out = out("pay-cases");
        Path reports = out.resolve("reports/2025");
        // the overall row, recomputed from the warehouse's units: sums, the exact mean of the rounded ratios, pooled
        Row units = spark.read().parquet(out.resolve("warehouse/units").toString())
                .selectExpr("COUNT(*)", "SUM(workers)", "SUM(women)", "CAST(SUM(female_ratio) AS STRING)")
                .first();
        CsvTable.Row all = null;
        String page = Files.readString(reports.resolve("annual_report.html"));
        try (CsvTable statistics = CsvTable.open(Storage.local(reports), "national_statistics.csv",
                List.of("breakdown"))) {
            for (CsvTable.Row row : statistics) {
                if (row.get("breakdown").equals("ALL")) {
                    all = row;
                }
                for (String ratio : List.of("female_ratio_mean", "female_ratio_pooled", "manager_female_ratio_mean",
                        "manager_female_ratio_pooled")) {
                    assertTrue(row.get(ratio).isEmpty() || page.contains(Korean.percentOfFraction(row.get(ratio))),
                            row.get("breakdown") + " " + row.get("category") + " " + ratio);
                }
                for (String count : List.of("employers", "units")) {
                    assertTrue(row.get(count).isEmpty() || page.contains(Korean.number(row.get(count))),
                            row.get("breakdown") + " " + row.get("category") + " " + count);
                }
            }
        }
        assertEquals(List.of(Long.toString(units.getLong(0)), Long.toString(units.getLong(1)),
                Long.toString(units.getLong(2)),
                new BigDecimal(units.getString(3)).divide(BigDecimal.valueOf(units.getLong(0)), 6, RoundingMode.HALF_UP)
                        .toPlainString(),
                BigDecimal.valueOf(units.getLong(2)).divide(BigDecimal.valueOf(units.getLong(1)), 6, RoundingMode.HALF_UP)
                        .toPlainString()),
                List.of(all.get("units"), all.get("workers"), all.get("women"), all.get("female_ratio_mean"),
                        all.get("female_ratio_pooled")));
        // every employer of the pay indicators in one band of the pay gaps' spread, or withheld
        assertEquals(Html.read(Storage.local(reports), "pay_indicators.csv").size(), Html.read(Storage.local(reports),
                "pay_gap_distribution.csv")
                .stream().mapToLong(band -> Long.parseLong(band.get("employers"))).sum());
        assertTrue(page.contains("<svg") && page.contains("기준 "));
        assertTrue(Files.readString(reports.resolve("index.html")).contains("annual_report.html"));
    }

    @Test
    void anEmployersDecisionsAreExplainedStepByStepFromTheWarehouse() {
        Path out = out("manual-example");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new Explanation(Storage.local(out), 2025, "101-81-00001").print(new PrintStream(text, true,
                StandardCharsets.UTF_8));
        String chain = text.toString(StandardCharsets.UTF_8);
        for (String step : List.of("counts: workers 1250, women 100; managers 40, women managers 1",
                "female ratio = 100 / 1250 = 0.080000", "group average 0.193333, the mean of the ratios of 3 units",
                "standard = 0.600 x 0.193333 = 0.116000", "below the standard: 0.080000 < 0.116000",
                "50 % proviso: does not apply", "female-manager ratio = 1 / 40 = 0.025000",
                "below the standard: 0.025000 < 0.085000",
                "criterion: BOTH: notified by 2025-08-01; implementation plan due 2025-10-15",
                "(docs/rules.md, \"Comparison average\")", "Fine cases (docs/rules.md, \"Fine cases\"): none")) {
            assertTrue(chain.contains(step), step + " missing from:\n" + chain);
        }
        // a unit the 50 % proviso spared: below its standard, and not selected on it
        ByteArrayOutputStream spared = new ByteArrayOutputStream();
        new Explanation(Storage.local(out("standard-edges")), 2025, "203-81-00004").print(new PrintStream(spared, true,
                StandardCharsets.UTF_8));
        assertTrue(spared.toString(StandardCharsets.UTF_8).contains("below the standard: 0.500000 < ")
                && spared.toString(StandardCharsets.UTF_8).contains("50 % proviso: applies"), spared.toString());
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        assertThrows(Refused.class,
                () -> new Explanation(Storage.local(out), 2025, "../../" + Fixtures.HOSTILE_TEXT).print(nowhere));
        assertThrows(Refused.class, () -> new Explanation(Storage.local(out), 2019,
                "101-81-00001").print(nowhere));
    }

    @Test
    void aBundleInADatabaseGivesTheReportsOfItsFiles() throws Exception {
        Path files = Fixtures.bundle("pay-cases", dir.resolve("bundle"));
        String url = "jdbc:h2:file:" + dir.resolve("bundle-db").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String table : List.of("employers", "workplaces", "monthly_workforce", "headcount_headers",
                    "headcounts", "payroll")) {
                statement.execute("CREATE TABLE " + table + " AS SELECT * FROM CSVREAD('"
                        + files.resolve(table + ".csv") + "', NULL, 'charset=UTF-8')");
            }
        }
        Path out = dir.resolve("out");
        cycle(2025, url, out);
        Path expected = Fixtures.resource("bundles/pay-cases/expected");
        // a database has no lines: only the payroll rejections, which cite them, may differ
        for (String report : List.of("notifications", "benchmarks", "rejections", "non_submitters", "pay_gap",
                "pay_indicators", "pay_context")) {
            assertEquals(Files.readString(expected.resolve(report + ".csv")),
                    Files.readString(out.resolve("reports/2025/" + report + ".csv")), report);
        }
        assertEquals(Files.readAllLines(expected.resolve("payroll_rejections.csv")).size(),
                Files.readAllLines(out.resolve("reports/2025/payroll_rejections.csv")).size());
    }

    @Test
    void theManualsWorkedExampleIsReproducedCellByCell() {
        Path out = out("manual-example");
        spark.read().parquet(out.resolve("warehouse/submissions").toString()).createOrReplaceTempView("s");
        // the manual's Form 5 example: every cell, then the all-job-types row by level
        List<String> cells = spark.sql("SELECT concat_ws(' ', job_type, level, total, women) FROM s"
                + " WHERE employer_id = '101-81-00001' ORDER BY job_type, level").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of("0 I 12 1", "0 II 28 0", "1 II 30 3", "2 II 10 2", "3 II 12 2", "3 III 150 20",
                "4 II 4 1", "4 III 200 31", "5 II 4 1", "5 III 250 19", "6 III 95 0", "7 III 145 0",
                "8 III 300 15", "9 III 10 5"), cells);
        List<String> levels = spark.sql("SELECT concat_ws(' ', level, SUM(total), SUM(women)) FROM s"
                + " WHERE employer_id = '101-81-00001' GROUP BY level ORDER BY level").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of("I 12 1", "II 88 9", "III 1150 90"), levels);
        Row unit = spark.read().parquet(out.resolve("warehouse/units").toString())
                .where("employer_id = '101-81-00001'").first();
        assertEquals("1250 100 40 1 0.080000 0.025000", unit.getAs("workers") + " " + unit.getAs("women") + " "
                + unit.getAs("managers") + " " + unit.getAs("women_managers") + " "
                + unit.getAs("female_ratio") + " " + unit.getAs("manager_female_ratio"));
    }

    @Test
    void theProvisoSparesAUnitAtHalfWomenAndEqualityIsNotBelow() {
        Path out = out("standard-edges");
        Map<String, String> decisions = new TreeMap<>();
        spark.read().parquet(out.resolve("warehouse/units").toString()).collectAsList().forEach(r -> decisions.put(
                r.getAs("employer_id"), r.getAs("female_ratio") + " " + r.getAs("below_female_standard") + " "
                        + r.getAs("female_proviso_applied") + " " + r.getAs("notified")));
        assertEquals("0.120000 false false false", decisions.get("201-81-00001"));
        assertEquals("0.118000 true false true", decisions.get("202-81-00001"));
        assertEquals("0.500000 false true true", decisions.get("203-81-00004"));
    }

    @Test
    void voluntaryUnitsAreAssessedButNeitherAveragedNorNotified() {
        Path out = out("workforce");
        Row voluntary = spark.read().parquet(out.resolve("warehouse/units").toString())
                .where("employer_id = '301-81-00003'").first();
        assertEquals("false 450.00 BOTH false", voluntary.getAs("obligated") + " "
                + voluntary.getAs("regular_workforce") + " " + voluntary.getAs("selected_on") + " "
                + voluntary.getAs("notified"));
    }

    @Test
    void everyWarehouseDatasetFollowsItsContractAndCarriesTheRun() {
        Path out = out("workforce");
        String summary = InProcess.fixture("workforce").summary();
        assertTrue(summary.contains("8 tables submitted: 5 accepted (0 late), 3 rejected, 0 superseded;"
                + " accepted + rejected + superseded = submitted"), summary);
        for (String dataset : List.of("submissions", "rejections", "units", "benchmarks", "notifications",
                "non_submitters", "plan_reviews", "performance_evaluations", "naming_candidates", "press_list",
                "compliance_rejections", "registry_gaps")) {
            DatasetSchema schema = DatasetSchema.load("warehouse", dataset);
            var rows = spark.read().parquet(out.resolve("warehouse").resolve(dataset).toString());
            List<String> expected = new java.util.ArrayList<>(schema.columnNames());
            expected.add("reporting_year");
            assertEquals(expected, List.of(rows.columns()), dataset);
            assertEquals(0, rows.where("rule_version <> 'manual-2006-act-2022' OR run_id IS NULL"
                    + " OR reporting_year <> 2025").count(), dataset);
            for (DatasetSchema.Column column : schema.columns()) {
                if (column.acceptedValues() != null) {
                    assertEquals(0, rows.where(org.apache.spark.sql.functions.col(column.name())
                            .isin(column.acceptedValues().toArray()).unary_$bang()).count(), dataset + "." + column.name());
                }
            }
        }
    }

    @Test
    void monthsWithoutEmployeesAreNotMonthsTheBusinessOperated() {
        // 영월상사: six months at 0 then six at 600; 반년상사: six months at 600 and no others
        assertEquals(List.of("600.00,NOT_SUBMITTED"), rows("workforce", "non_submitters", "301-81-00009",
                "regular_workforce", "reason"));
        assertEquals(List.of("600.00,NOT_SUBMITTED"), rows("workforce", "non_submitters", "301-81-00001",
                "regular_workforce", "reason"));
    }

    @Test
    void withoutMonthlyCountsTheWorkforceFallsBackToAcceptedTablesThenToDeclaredHeaders() {
        assertEquals(List.of("NO_MONTHLY_COUNTS,no monthly count above zero in 2024; regular workforce 700.00: the"
                + " workers of its accepted tables"), rows("workforce", "registry_gaps", "301-81-00005", "gap", "detail"));
        // 거부상사's only table was rejected: its header's 5,000 workers still oblige it, and it is listed
        assertEquals(List.of("NO_MONTHLY_COUNTS"), rows("workforce", "registry_gaps", "301-81-00010", "gap"));
        assertEquals(List.of("5000.00,REJECTED"), rows("workforce", "non_submitters", "301-81-00010",
                "regular_workforce", "reason"));
    }

    @Test
    void noWorkforceLeavesAPrivateEmployerUndecidedAndAPublicBodyObliged() {
        // 미상상사 (private, twelve months at 0, no table): in no list of fine cases, and said so
        assertEquals(List.of("NO_WORKFORCE"), rows("workforce", "registry_gaps", "301-81-00011", "gap"));
        assertEquals(List.of(), rows("workforce", "non_submitters", "301-81-00011", "reason"));
        // 지방공사 (a local public body, nothing at all): obliged whatever its size
        assertEquals(List.of("NO_WORKFORCE"), rows("workforce", "registry_gaps", "301-81-00012", "gap"));
        assertEquals(List.of(",NOT_SUBMITTED"), rows("workforce", "non_submitters", "301-81-00012",
                "regular_workforce", "reason"));
    }

    @Test
    void anObligedEmployerWithSomeWorkplacesRejectedIsPartlyRejected() {
        assertEquals(List.of("PARTLY_REJECTED"), rows("workforce", "non_submitters", "301-81-00013", "reason"));
        // its accepted workplace (KSIC "d-15") is assessed all the same; 정규상사, both accepted, owes nothing
        assertEquals(List.of("G02"), spark.read().parquet(out("workforce").resolve("warehouse/units").toString())
                .where("employer_id = '301-81-00013'").select("industry_group")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertEquals(List.of(), rows("workforce", "non_submitters", "301-81-00007", "reason"));
    }

    @Test
    void theSummaryAccountsForEveryEmployerOfTheRegistry() {
        String summary = InProcess.fixture("workforce").summary();
        assertTrue(summary.contains("13 employers in the registry: 10 obliged (2 assessed, 1 partly rejected,"
                + " 2 rejected, 5 submitted nothing), 2 not obliged (1 submitted voluntarily), 1 undecided for want"
                + " of a workforce; registry gaps: 2 NO_MONTHLY_COUNTS, 2 NO_WORKFORCE"), summary);
    }

    @Test
    void aKindTheRuleVersionDoesNotObligeIsVoluntary() throws IOException {
        // under kr-2006 local public bodies are not obliged: 지방공사 owes nothing, and the gap says why
        Path out = dir.resolve("out");
        InProcess.cycle(2025, Fixtures.bundle("workforce", dir.resolve("bundle")), out, "kr-2006");
        try (CsvTable table = CsvTable.open(Storage.local(out.resolve("reports/2025")), "non_submitters.csv",
                List.of("employer_id"))) {
            table.forEach(row -> assertFalse(row.get("employer_id").equals("301-81-00012"), "지방공사 listed"));
        }
        assertTrue(Files.readString(out.resolve("reports/2025/registry_gaps.csv"))
                .contains("301-81-00012,지방공사,NO_WORKFORCE,no monthly count above zero in 2024; no table declares its"
                        + " workers either: its kind is not obliged under the rule version"));
    }

    @Test
    void aRerunReplacesOnlyItsYearAndIsByteIdentical() throws IOException {
        Path out = dir.resolve("out");
        Path bundle2025 = Fixtures.bundle("manual-example", dir.resolve("b2025"));
        Path bundle2026 = Fixtures.bundle("manual-example", dir.resolve("b2026"));
        String months = Files.readString(bundle2026.resolve("monthly_workforce.csv")).replace(",2024-", ",2025-");
        Files.writeString(bundle2026.resolve("monthly_workforce.csv"), months);
        cycle(2025, bundle2025, out);
        String next = cycle(2026, bundle2026, out);
        assertTrue(next.startsWith("cycle 2026 completed"), "another year is no rerun: " + next);
        Map<String, String> before = digests(out);
        String again = cycle(2025, bundle2025, out);
        assertTrue(again.startsWith("rerunning 2025 on the same inputs"), again);
        assertEquals(before, digests(out));
        assertTrue(before.keySet().stream().anyMatch(f -> f.contains("units/reporting_year=2026/")));
        assertTrue(before.keySet().stream().anyMatch(f -> f.startsWith("reports/2026/")));
    }

    /** Every published file with the digest of its bytes; the job database is state, not output. */
    private static Map<String, String> digests(Path out) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString();
                if (!name.startsWith("state/")) {
                    digests.put(name, Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(file))));
                }
            }
        }
        return digests;
    }
}
