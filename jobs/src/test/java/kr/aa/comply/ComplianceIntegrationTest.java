package kr.aa.comply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.aa.cycle.JobDatabase;
import kr.aa.io.CsvTable;
import kr.aa.io.DatasetSchema;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.run.Folders;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compliance rules (docs/rules.md, "Fine cases", "Plans and performance", "List publication"), one test each,
 * on the {@code compliance-cases} bundle of 2025 after the history of 2023 and 2024 is imported: seventeen
 * employers of one comparison group, six well above the standard and eleven far below it (201-81-00011 …
 * 00021), each of the eleven one case. Their expected reports,
 * worked out by hand from the bundle, are also its golden files.
 */
class ComplianceIntegrationTest {

    private static final String A = "201-81-00011";
    private static final String B = "201-81-00012";
    private static Path dir;
    private static Path reports;
    private static String runId;

    @BeforeAll
    static void runTheCycle() throws IOException {
        dir = Files.createTempDirectory("compliance-cases");
        importHistory(dir.resolve("out"));
        runId = run(Fixtures.bundle("compliance-cases", dir.resolve("out-bundle")), dir.resolve("out"));
        reports = dir.resolve("out/reports/2025");
    }

    @AfterAll
    static void cleanUp() {
        Folders.delete(Storage.local(dir));
    }

    /** Imports the history of 2023 and 2024 into the ledger of an output folder. */
    private static void importHistory(Path out) {
        ComplianceRecords.History history = ComplianceRecords.readHistory(
                Storage.local(Fixtures.resource("bundles/compliance-cases/history")));
        new Ledger(JobDatabase.embedded(out).dataSource()).importHistory(history.units(), history.records());
    }

    /** Runs 2025 on the bundle into the folder, and returns the run id it says it completed. */
    private static String run(Path bundle, Path out) {
        String summary = InProcess.cycle(2025, bundle, out, RuleVersion.DEFAULT);
        Matcher runId = Pattern.compile("completed \\(rule version manual-2006-act-2022, run (\\w+)\\)").matcher(summary);
        assertTrue(runId.find(), summary);
        return runId.group(1);
    }

    /**
     * The listed fields of the report's rows of one employer, comma-joined, one string per row; the employer
     * by its id, or by its name in the press list, which holds no id.
     */
    private static List<String> rows(Path reports, String report, String employer, String... columns) {
        List<String> found = new ArrayList<>();
        try (CsvTable table = CsvTable.open(Storage.local(reports), report + ".csv", List.of(columns))) {
            for (CsvTable.Row row : table) {
                if (row.get(row.columns().containsKey("employer_id") ? "employer_id" : "employer_name").equals(employer)) {
                    List<String> values = new ArrayList<>();
                    for (String column : columns) {
                        values.add(row.get(column));
                    }
                    found.add(String.join(",", values));
                }
            }
        }
        return found;
    }

    @Test
    void everyComplianceReportIsItsGoldenFile() throws IOException {
        Path expected = Fixtures.resource("bundles/compliance-cases/expected");
        for (String report : List.of("plan_reviews", "performance_evaluations", "non_submitters", "naming_candidates",
                "press_list", "compliance_rejections")) {
            assertEquals(Files.readString(expected.resolve(report + ".csv")),
                    Files.readString(reports.resolve(report + ".csv")), report);
        }
    }

    @Test
    void aBadOrRepeatedComplianceRecordIsRejectedWithItsLine() {
        assertEquals(List.of("plans.csv,11,BAD_VALUE"), rows(reports, "compliance_rejections", "201-81-00016",
                "source_file", "line", "rule"));
        assertEquals(List.of("performance.csv,6,DUPLICATE_RECORD"), rows(reports, "compliance_rejections",
                "201-81-00015", "source_file", "line", "rule"));
        // the rest of the file is kept: 00016's earlier plan is reviewed, 00015's first report evaluated
        assertEquals(List.of("2024"), rows(reports, "plan_reviews", "201-81-00016", "plan_year"));
        assertEquals(List.of("2023"), rows(reports, "performance_evaluations", "201-81-00015", "plan_year"));
    }

    @Test
    void theForm6ExampleIsAchieved80And40PercentAndPoor() {
        assertEquals(List.of("25,20,80.00,5,2,40.00,true"), rows(reports, "performance_evaluations", A,
                "target_women", "actual_women", "women_achievement_pct", "target_women_managers",
                "actual_women_managers", "managers_achievement_pct", "poor"));
    }

    @Test
    void aTargetOfZeroGivesNoAchievementAndIsJudgedOnTheOtherFigure() {
        assertEquals(List.of("100.00,,false"), rows(reports, "performance_evaluations", B,
                "women_achievement_pct", "managers_achievement_pct", "poor"));
        assertEquals(List.of(",,false"), rows(reports, "performance_evaluations", "201-81-00015",
                "women_achievement_pct", "managers_achievement_pct", "poor"));
    }

    @Test
    void aSupplementsAnswerIsDue30DaysAfterTheRequestDatedWithTheYearsNotifications() {
        // the plan came on 2024-10-12 with a target at its current figure; the request goes out on 2025-08-01
        assertEquals(List.of("60,60,true,2025-08-31"), rows(reports, "plan_reviews", B,
                "current_women", "target_women", "supplement_requested", "answer_due"));
        assertEquals(List.of("false,"), rows(reports, "plan_reviews", A, "supplement_requested", "answer_due"));
    }

    @Test
    void aResubmittedPlanReplacesTheEarlierOne() {
        assertEquals(List.of("2024-10-14T10:00:00+09:00,80,false"), rows(reports, "plan_reviews", A,
                "submitted_at", "target_women", "supplement_requested"));
    }

    @Test
    void aUnitNotifiedLastYearWithoutAnyPlanIsListedNoPlan() {
        for (String none : List.of("201-81-00019", "201-81-00020", "201-81-00021")) {
            assertEquals(List.of("NO_PLAN"), rows(reports, "non_submitters", none, "reason"), none);
        }
    }

    @Test
    void aPlanAfterItsDueDateIsLatePlanAndStillReviewedNeverAlsoNoPlan() {
        // 00013 came a day late; 00015 at 15:30 UTC is already the next day in Seoul; 00014 at 23:59 on the due
        // day in Seoul is on time
        assertEquals(List.of("LATE_PLAN", "NO_PERFORMANCE_REPORT"), rows(reports, "non_submitters", "201-81-00013",
                "reason"));
        assertEquals(List.of("LATE_PLAN"), rows(reports, "non_submitters", "201-81-00015", "reason"));
        assertEquals(List.of("LATE_PERFORMANCE_REPORT"), rows(reports, "non_submitters", "201-81-00014", "reason"));
        assertEquals(List.of("2024-10-16T09:00:00+09:00"), rows(reports, "plan_reviews", "201-81-00013",
                "submitted_at"));
    }

    @Test
    void aRequiredPlanWithoutAReportIsListedNoPerformanceReport() {
        assertEquals(List.of("LATE_PLAN,3000000", "NO_PERFORMANCE_REPORT,3000000"),
                rows(reports, "non_submitters", "201-81-00013", "reason", "max_fine_krw"));
    }

    @Test
    void aReportAfterItsDueDateIsLatePerformanceReportAndStillEvaluated() {
        assertEquals(List.of("LATE_PERFORMANCE_REPORT,3000000"),
                rows(reports, "non_submitters", "201-81-00014", "reason", "max_fine_krw"));
        assertEquals(List.of("10,12,120.00,false"), rows(reports, "performance_evaluations", "201-81-00014",
                "target_women", "actual_women", "women_achievement_pct", "poor"));
    }

    @Test
    void aVoluntaryPlanWithoutAReportIsNoFineCase() {
        // 00020 made a plan of 2023 though it was not notified in 2023 (Art. 17-3(3)), and sent no report on it
        assertEquals(List.of("NO_PLAN"), rows(reports, "non_submitters", "201-81-00020", "reason"));
    }

    @Test
    void eachExceptionRemovesTheCandidateWithItsStatus() {
        assertEquals(List.of("EXCLUDED_DEATH"), rows(reports, "naming_candidates", "201-81-00015", "status"));
        assertEquals(List.of("EXCLUDED_CLOSURE"), rows(reports, "naming_candidates", "201-81-00016", "status"));
        assertEquals(List.of("EXCLUDED_INSOLVENCY"), rows(reports, "naming_candidates", "201-81-00017", "status"));
        // excluded for its effort though a notice and a decision to publish were recorded: not published
        assertEquals(List.of("EXCLUDED_EFFORT"), rows(reports, "naming_candidates", "201-81-00018", "status"));
        assertEquals(List.of(), rows(reports, "press_list", "(주)거너유통", "employer_name"));
    }

    @Test
    void anUrgeFollowedOnTheSameDayIsFollowedAndOneFollowedTheDayBeforeIsNot() {
        assertEquals(List.of("2023-11-01,URGE_FOLLOWED"), rows(reports, "naming_candidates", "201-81-00013",
                "urged_on", "status"));
        assertEquals(List.of("2024-03-02,CANDIDATE"), rows(reports, "naming_candidates", A, "urged_on", "status"));
    }

    @Test
    void anEmployerNeverUrgedIsNotACandidate() {
        // 00014's effort exception was decided for 2024, not for this year: it is shown as not urged
        assertEquals(List.of(",NOT_URGED"), rows(reports, "naming_candidates", "201-81-00014", "urged_on", "status"));
    }

    @Test
    void aCandidateIsAUnitNotifiedThreeYearsRunningWithItsThreeYearEvidence() {
        assertEquals(List.of("2023;2024;2025,2024-03-02,60,15,1,1,CANDIDATE"), rows(reports, "naming_candidates", A,
                "failed_years", "urged_on", "women", "women_change_3y", "women_managers",
                "women_managers_change_3y", "status"));
        // notified in 2024 and 2025 only
        assertEquals(List.of(), rows(reports, "naming_candidates", "201-81-00020", "status"));
    }

    @Test
    void threeFailuresOfTheEmployerCountWhateverTheUnit() {
        // 00021 failed in construction (G07) in 2023, in retail (G08) since: its retail unit was not assessed in
        // 2023, so it has no three-year change
        assertEquals(List.of("G08,2023;2024;2025,,,CANDIDATE"), rows(reports, "naming_candidates", "201-81-00021",
                "industry_group", "failed_years", "women_change_3y", "women_managers_change_3y", "status"));
    }

    @Test
    void aDecisionToPublishCountsOnlyMoreThan30DaysAfterTheNotice() {
        // notice 2025-08-01, decision 2025-09-01: 31 days; notice 2025-08-02, decision 2025-09-01: 30 days
        assertEquals(List.of("2025-09-01"), rows(reports, "press_list", "(주)가나유통", "published_from"));
        assertEquals(List.of("CANDIDATE"), rows(reports, "naming_candidates", B, "status"));
        assertEquals(List.of(), rows(reports, "press_list", "(주)다라유통", "employer_name"));
    }

    @Test
    void aNoticeCountsOnlyOnceTheYearsFailureIsEstablished() {
        // 00021's notice of 2025-07-31 came before the 2025 notification date, two months before the decision
        assertEquals(List.of("CANDIDATE"), rows(reports, "naming_candidates", "201-81-00021", "status"));
        assertEquals(List.of(), rows(reports, "press_list", "(주)바사유통", "employer_name"));
    }

    @Test
    void publicationEndsAsTheCivilActCountsSixMonths() {
        // the day before the corresponding date; where none, the last day of the month
        assertEquals(List.of("2025-09-01,2026-02-28"), rows(reports, "press_list", "(주)가나유통",
                "published_from", "published_until"));
        assertEquals(List.of("2025-10-31,2026-04-30"), rows(reports, "press_list", "김영희 상회",
                "published_from", "published_until"));
    }

    @Test
    void thePressListHoldsTheDecreesFieldsAndNothingElse() throws IOException {
        List<String> decree = List.of("reporting_year", "employer_name", "corporation_name", "corporation_address",
                "representative", "business_place_name", "business_place_address", "workers", "women",
                "female_ratio", "managers", "women_managers", "manager_female_ratio", "industry",
                "standard_female_ratio", "standard_manager_female_ratio", "published_from", "published_until");
        assertEquals(decree, DatasetSchema.load("reports", "press_list").columnNames());
        assertEquals(String.join(",", decree), Files.readAllLines(reports.resolve("press_list.csv")).get(0));
        // the business place is the unit's largest workplace; an individual employer has no corporation fields
        assertEquals(List.of("(주)가나유통,서울특별시 중구 세종대로 106,조예준,(주)가나유통 본사"), rows(reports, "press_list",
                "(주)가나유통", "corporation_name", "corporation_address", "representative", "business_place_name"));
        assertEquals(List.of(",,"), rows(reports, "press_list", "김영희 상회", "corporation_name",
                "corporation_address", "representative"));
        String page = Files.readString(reports.resolve("press_list.html"));
        assertTrue(page.contains("(주)가나유통 본사") && page.contains("10.0000%") && page.contains("2025-09-01 ~ 2026-02-28"));
        for (String elsewhere : List.of(A, "201-81-00019", "G08", "2024-03-02", "심의위원회 공표 결정")) {
            assertFalse(page.contains(elsewhere), elsewhere);
        }
    }

    @Test
    void aRerunOnTheSameBundleAndLedgerIsByteIdentical() throws IOException {
        Path bundle = dir.resolve("out-bundle");
        String before = Files.readString(reports.resolve("naming_candidates.csv"));
        byte[] pressBefore = Files.readAllBytes(reports.resolve("press_list.html"));
        run(bundle, dir.resolve("out"));
        assertEquals(before, Files.readString(reports.resolve("naming_candidates.csv")));
        assertEquals(new String(pressBefore, StandardCharsets.UTF_8),
                Files.readString(reports.resolve("press_list.html")));
    }

    @Test
    void aDecisionRecordedAfterTheRunIsTakenByTheNextRunOfItsYear() {
        // the output folder of the run above, its ledger included, as that run left it
        Path out = Fixtures.copy(dir.resolve("out"), dir.resolve("recorded"), "");
        Path recordedReports = out.resolve("reports/2025");
        assertEquals(List.of(), rows(recordedReports, "press_list", "(주)다라유통", "employer_name"));
        new Ledger(JobDatabase.embedded(out).dataSource()).record(
                new ComplianceRecords.Action(B, 2025, "PUBLISH", LocalDate.of(2025, 9, 2), "통지 31일 후 공표 결정"));
        String second = run(dir.resolve("out-bundle"), out);
        assertNotEquals(runId, second, "the ledger is an input of the run: a new decision makes a new run");
        assertEquals(List.of("2025-09-02,2026-03-01"), rows(recordedReports, "press_list", "(주)다라유통",
                "published_from", "published_until"));
    }
}
