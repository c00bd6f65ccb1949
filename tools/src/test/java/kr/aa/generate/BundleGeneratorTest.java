package kr.aa.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.aa.io.CsvTable;
import kr.aa.io.Storage;
import kr.aa.rules.IndustryClassification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleGeneratorTest {

    private static final List<String> FILES = List.of("employers.csv", "workplaces.csv", "monthly_workforce.csv",
            "headcount_headers.csv", "headcounts.csv", "payroll.csv");
    private static final String[] PAYROLL = {"employer_id", "employee_key", "gender", "employment_type", "level",
        "job_type", "hired_on", "months_worked", "base_pay_krw"};

    /** The bundle of 1,000 employers (seed 1) that the tests below read, written once. */
    @TempDir
    static Path shared;
    private static Path bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeTheBundle() {
        bundle = shared.resolve("bundle");
        BundleGenerator.write(2025, 1000, 1, bundle);
    }

    private static List<CsvTable.Row> rows(Path bundle, String file, String... columns) {
        try (CsvTable table = CsvTable.open(Storage.local(bundle), file, List.of(columns))) {
            List<CsvTable.Row> rows = new java.util.ArrayList<>();
            table.forEach(rows::add);
            return rows;
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        BundleGenerator.write(2025, 300, 7, dir.resolve("a"));
        BundleGenerator.write(2025, 300, 7, dir.resolve("b"));
        BundleGenerator.write(2025, 300, 8, dir.resolve("c"));
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/headcounts.csv")),
                Files.readAllBytes(dir.resolve("c/headcounts.csv"))));
    }

    @Test
    void aBundleCoversEveryIndustryGroupBothSizeClassesAndTheYearBefore() {
        IndustryClassification ksic = IndustryClassification.load("ksic-8");
        Set<String> groups = new TreeSet<>();
        rows(bundle, "workplaces.csv", "ksic_code").forEach(r -> ksic.groupOf(r.get("ksic_code")).ifPresent(groups::add));
        assertEquals(IndustryClassification.groupNames().keySet(), groups);
        Map<String, Integer> sums = new HashMap<>();
        Map<String, Integer> months = new HashMap<>();
        Set<String> zeroMonths = new HashSet<>();
        for (CsvTable.Row row : rows(bundle, "monthly_workforce.csv", "employer_id", "month", "employees")) {
            assertTrue(row.get("month").startsWith("2024-"), row.get("month"));
            int employees = Integer.parseInt(row.get("employees"));
            if (employees == 0) {
                zeroMonths.add(row.get("employer_id"));
                continue;
            }
            sums.merge(row.get("employer_id"), employees, Integer::sum);
            months.merge(row.get("employer_id"), 1, Integer::sum);
        }
        long large = sums.keySet().stream().filter(e -> sums.get(e) / months.get(e) >= 1000).count();
        assertTrue(large > 300 && large < 700, large + " of 1000 employers with 1,000 or more");
        assertTrue(months.values().stream().anyMatch(m -> m < 12), "no partial year");
        assertTrue(zeroMonths.size() > 5 && zeroMonths.stream().allMatch(months::containsKey),
                "a business that opened during the year reports its months before at 0, then its employees");
    }

    @Test
    void everyValidTableAddsUpAndSomeAreResubmitted() {
        Map<String, long[]> sums = new HashMap<>();
        for (CsvTable.Row c : rows(bundle, "headcounts.csv", "employer_id", "workplace_id", "submitted_at",
                "job_type", "level", "total", "women")) {
            if (!c.get("total").matches("\\d+") || !c.get("job_type").matches("\\d")) {
                continue;
            }
            long[] s = sums.computeIfAbsent(c.get("employer_id") + c.get("workplace_id") + c.get("submitted_at"),
                    k -> new long[4]);
            int total = Integer.parseInt(c.get("total"));
            int women = Integer.parseInt(c.get("women"));
            s[0] += total;
            s[1] += women;
            s[2] += c.get("job_type").equals("0") ? total : 0;
            s[3] += c.get("job_type").equals("0") ? women : 0;
        }
        long matching = 0;
        Set<String> workplaces = new HashSet<>();
        List<CsvTable.Row> headers = rows(bundle, "headcount_headers.csv", "employer_id", "workplace_id",
                "submitted_at", "workers", "women", "managers", "women_managers");
        for (CsvTable.Row h : headers) {
            long[] s = sums.get(h.get("employer_id") + h.get("workplace_id") + h.get("submitted_at"));
            boolean adds = s != null && s[0] == Long.parseLong(h.get("workers")) && s[1] == Long.parseLong(h.get("women"))
                    && s[2] == Long.parseLong(h.get("managers")) && s[3] == Long.parseLong(h.get("women_managers"));
            matching += adds ? 1 : 0;
            workplaces.add(h.get("employer_id") + h.get("workplace_id"));
        }
        // only the deliberately broken tables (about 3 %) do not add up
        assertTrue(matching > headers.size() * 0.95, matching + " of " + headers.size());
        assertTrue(headers.size() - workplaces.size() > 20, "too few resubmissions");
    }

    @Test
    void thePayrollHoldsThePeopleOfTheTablesAndEveryKindOfBrokenRow() {
        // the first employer's single table, cell by cell, against its full-year payroll rows
        Map<String, Integer> cells = new HashMap<>();
        String employer = rows(bundle, "employers.csv", "employer_id").get(0).get("employer_id");
        List<CsvTable.Row> tables = rows(bundle, "headcounts.csv", "employer_id", "workplace_id", "submitted_at",
                "job_type", "level", "total", "women").stream().filter(c -> c.get("employer_id").equals(employer)).toList();
        for (CsvTable.Row c : tables) {
            int women = Integer.parseInt(c.get("women"));
            cells.merge(c.get("job_type") + c.get("level") + "F", women, Integer::sum);
            cells.merge(c.get("job_type") + c.get("level") + "M", Integer.parseInt(c.get("total")) - women, Integer::sum);
        }
        cells.values().removeIf(n -> n == 0);
        Map<String, Integer> people = new HashMap<>();
        Set<String> keys = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        boolean unknownEmployer = false;
        boolean hiredAfter = false;
        boolean badValue = false;
        for (CsvTable.Row p : rows(bundle, "payroll.csv", PAYROLL)) {
            if (p.get("employer_id").equals(employer) && p.get("months_worked").equals("12")
                    && p.get("gender").matches("[FM]")) {
                people.merge(p.get("job_type") + p.get("level") + p.get("gender"), 1, Integer::sum);
            }
            if (!keys.add(p.get("employer_id") + "/" + p.get("employee_key"))) {
                duplicates.add(p.get("employee_key"));
            }
            unknownEmployer |= p.get("employer_id").startsWith("999-99-");
            hiredAfter |= p.get("hired_on").compareTo("2024-12-31") > 0;
            badValue |= p.get("gender").isEmpty() || !p.get("base_pay_krw").matches("\\d+");
        }
        assertEquals(new java.util.TreeMap<>(cells), new java.util.TreeMap<>(people));
        assertTrue(unknownEmployer && hiredAfter && badValue && !duplicates.isEmpty());
    }

    @Test
    void consecutiveYearsShareTheEmployersAndCarryPlansReportsAndDecisions() throws IOException {
        List<Path> years = BundleGenerator.writeYears(2025, 3, 300, 7, dir.resolve("series"));
        assertEquals(List.of(dir.resolve("series/2023"), dir.resolve("series/2024"), dir.resolve("series/2025")), years);
        assertArrayEquals(Files.readAllBytes(years.get(0).resolve("employers.csv")),
                Files.readAllBytes(years.get(2).resolve("employers.csv")));
        assertFalse(Files.exists(years.get(0).resolve("plans.csv")), "plans before the first notification");
        Set<String> plannedIn2024 = new HashSet<>();
        for (CsvTable.Row plan : rows(years.get(1), "plans.csv", "employer_id", "plan_year", "submitted_at")) {
            assertEquals("2023", plan.get("plan_year"));
            assertTrue(plan.get("submitted_at").startsWith("2023-"), plan.get("submitted_at"));
            plannedIn2024.add(plan.get("employer_id"));
        }
        List<CsvTable.Row> reports = rows(years.get(2), "performance.csv", "employer_id", "plan_year");
        assertFalse(reports.isEmpty());
        for (CsvTable.Row report : reports) {
            assertEquals("2023", report.get("plan_year"));
            assertTrue(plannedIn2024.contains(report.get("employer_id")), "a report without a plan");
        }
        Set<String> actions = new TreeSet<>();
        rows(years.get(2), "actions.csv", "action").forEach(a -> actions.add(a.get("action")));
        assertTrue(actions.containsAll(Set.of("NOTICE_SENT", "PUBLISH", "URGE_FOLLOWED", "EXCEPTION_EFFORT")),
                actions.toString());
        rows(years.get(1), "actions.csv", "action").forEach(a -> actions.add(a.get("action")));
        assertTrue(actions.contains("URGED"));
    }

    @Test
    void aSeriesWithThePayrollOfItsLastYearAloneIsOtherwiseTheSame() throws IOException {
        List<Path> every = BundleGenerator.writeYears(2025, 2, 60, 7, dir.resolve("every"));
        List<Path> last = BundleGenerator.writeYears(2025, 2, 60, 7, dir.resolve("last"), false);
        assertFalse(Files.exists(last.get(0).resolve("payroll.csv")));
        for (int year = 0; year < 2; year++) {
            try (var files = Files.list(every.get(year))) {
                for (Path file : files.toList()) {
                    if (year == 1 || !file.getFileName().toString().equals("payroll.csv")) {
                        assertArrayEquals(Files.readAllBytes(file),
                                Files.readAllBytes(last.get(year).resolve(file.getFileName())), file.toString());
                    }
                }
            }
        }
    }
}
