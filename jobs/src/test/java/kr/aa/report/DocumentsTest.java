package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kr.aa.io.CsvWriter;
import kr.aa.io.DatasetSchema;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.testing.Fixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents of a year state the CSVs' figures, in Korean, for every case (docs/rules.md, "Documents"). */
class DocumentsTest {

    private static final RuleVersion RULES = RuleVersion.load(RuleVersion.DEFAULT);

    @TempDir
    Path dir;

    @BeforeEach
    void emptyYear() throws IOException {
        for (String report : List.of("notifications", "benchmarks", "rejections", "payroll_rejections",
                "non_submitters", "national_statistics", "ratio_distribution", "pay_indicators", "pay_gap_distribution")) {
            csv(report);
        }
    }

    /** Writes {@code <report>.csv} with the contract's columns, each row's values by column, the rest empty. */
    @SafeVarargs
    private void csv(String report, Map<String, String>... rows) throws IOException {
        List<String> columns = DatasetSchema.load("reports", report).columnNames();
        try (CsvWriter out = new CsvWriter(Storage.local(dir.resolve(report + ".csv")), columns)) {
            for (Map<String, String> row : rows) {
                List<Object> values = new ArrayList<>();
                columns.forEach(c -> values.add(c.equals("reporting_year") ? "2025" : row.getOrDefault(c, "")));
                out.row(values);
            }
        }
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve(file));
    }

    @Test
    void aLetterPerNotifiedUnitStatesItsFiguresTheCriterionTheShortfallAndThePlanDueDate() throws IOException {
        // the factor and the kind of average are the CSV's, whatever the rule version passed
        csv("benchmarks", Map.of("industry_group", "G04", "size_class", "1000-plus", "units", "1234",
                "units_with_managers", "1200", "factor", "0.700", "average", "POOLED"));
        csv("notifications", Map.ofEntries(Map.entry("employer_id", "104-85-00003"),
                Map.entry("employer_name", "서해중공업"), Map.entry("industry_group", "G04"),
                Map.entry("size_class", "1000-plus"), Map.entry("workers", "1250"), Map.entry("women", "100"),
                Map.entry("female_ratio", "0.080000"), Map.entry("avg_female_ratio", "0.150000"),
                Map.entry("standard_female_ratio", "0.090000"), Map.entry("managers", "40"),
                Map.entry("women_managers", "1"), Map.entry("manager_female_ratio", "0.025000"),
                Map.entry("avg_manager_female_ratio", "0.030000"), Map.entry("standard_manager_female_ratio", "0.018000"),
                Map.entry("selected_on", "FEMALE"), Map.entry("notify_by", "2025-08-01"),
                Map.entry("plan_due", "2025-10-15"), Map.entry("female_ratio_shortfall", "0.010000")));
        Documents.write(Storage.local(dir), 2025, RULES, Optional.empty());
        String letter = read("letters/104-85-00003-G04.html");
        for (String expected : List.of("서해중공업", "중화학공업 (G04)", "상시근로자 1,000명 이상", "1,250명", "100명",
                "8.0000%", "15.0000%", "9.0000%", "1,234개 사업장", "1,200개 사업장", "1.0000%p 미달", "미달 아님",
                "2025년 8월 1일", "2025년 10월 15일까지", "제17조의3", "평균의 0.7배", "여성을 모두 더해")) {
            assertTrue(letter.contains(expected), expected);
        }
        assertTrue(read("letters/all.html").contains("1.0000%p 미달"));
        assertTrue(read("index.html").contains("letters/104-85-00003-G04.html"));
    }

    @Test
    void aRejectionNoticeExplainsEveryRuleInKoreanAndAnIdentifierNeverNamesAFile() throws IOException {
        List<String> tableRules = List.of("UNKNOWN_EMPLOYER", "UNKNOWN_WORKPLACE", "UNKNOWN_INDUSTRY", "MISSING_HEADER",
                "DUPLICATE_HEADER", "BAD_HEADER", "BAD_CELL", "MANAGER_AT_LEVEL_III", "DUPLICATE_CELL", "HEADER_MISMATCH",
                "EMPTY_TABLE");
        String hostile = "../../" + Fixtures.HOSTILE_TEXT;
        csv("rejections", tableRules.stream().map(rule -> Map.of("employer_id", hostile, "workplace_id", "W01",
                "submitted_at", "2025-05-30T17:00:00+09:00", "source_file", "headcount_headers.csv", "line", "2",
                "rule", rule, "message", "detail of " + rule)).toArray(Map[]::new));
        csv("payroll_rejections", Stream.of("UNKNOWN_EMPLOYER", "BAD_VALUE", "HIRED_AFTER_PERIOD", "DUPLICATE_EMPLOYEE")
                .map(rule -> Map.of("employer_id", "201-81-00011", "employee_key", "E1", "line", "7", "rule", rule,
                        "message", "detail of " + rule, "employer_name", "가나유통")).toArray(Map[]::new));
        Documents.write(Storage.local(dir), 2025, RULES, Optional.empty());
        String unregistered = read("notices/unregistered-1.html");
        assertTrue(unregistered.contains(Html.escape(hostile)));
        assertFalse(unregistered.contains("<script>"));
        for (String rule : tableRules) {
            assertTrue(unregistered.contains("(" + rule + ")") && unregistered.contains("detail of " + rule), rule);
        }
        assertTrue(unregistered.contains("앞서 제출한 현황표를 대신합니다"));
        assertTrue(unregistered.contains("2025년 8월 1일 전에"));
        String payroll = read("notices/201-81-00011.html");
        assertTrue(payroll.contains("수신: 가나유통 (사업자등록번호 201-81-00011)"));
        assertTrue(payroll.contains("payroll.csv 7행") && payroll.contains("(DUPLICATE_EMPLOYEE)"));
        try (Stream<Path> notices = Files.list(dir.resolve("notices"))) {
            assertEquals(List.of("201-81-00011.html", "all.html", "unregistered-1.html"),
                    notices.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFinePreNoticePerReasonCitesItsItemOfArticle39AndIsNoDecision() throws IOException {
        csv("non_submitters", Map.of("employer_id", "110-87-00009", "employer_name", "아람물류", "regular_workforce",
                "1611.00", "reason", "NOT_SUBMITTED", "max_fine_krw", "3000000"), Map.of("employer_id", "110-87-00009",
                "employer_name", "아람물류", "regular_workforce", "1611.00", "reason", "NO_PLAN", "max_fine_krw",
                "3000000"));
        Documents.write(Storage.local(dir), 2025, RULES, Optional.empty());
        String headcount = read("prenotices/110-87-00009-NOT_SUBMITTED.html");
        assertTrue(headcount.contains("제39조제3항제3호") && headcount.contains("3,000,000원 이하")
                && headcount.contains("1,611.00") && headcount.contains("과태료 부과 결정이 아닙니다"));
        assertTrue(read("prenotices/110-87-00009-NO_PLAN.html").contains("제39조제3항제2호"));
    }

    @Test
    void aYearWithNothingToNotifyStillGetsItsDocumentsEachSayingSo() throws IOException {
        Documents.write(Storage.local(dir), 2025, RULES, Optional.empty());
        assertTrue(read("letters/all.html").contains("통지할 사업장이 없습니다"));
        assertTrue(read("notices/all.html").contains("반려된 고용현황표나 임금 자료가 없습니다"));
        assertTrue(read("prenotices/all.html").contains("다하지 않은 사업주가 없습니다"));
        assertTrue(read("index.html").contains("통지할 사업장이 없습니다"));
        assertTrue(read("annual_report.html").contains("임금 자료가 제출되지 않았습니다"));
    }

    @Test
    void theMedianPayGapsStandAtTheirBandsPlacesWithTheWithheldAndThoseWithoutAGapCountedApart() throws IOException {
        csv("pay_indicators", Map.of("employer_id", "201-81-00011"));
        csv("pay_gap_distribution", Map.of("band_from_pct", "-10.00", "band_to_pct", "-5.00", "withheld", "false",
                "employers", "1"), Map.of("band_from_pct", "10.00", "band_to_pct", "15.00", "withheld", "false",
                "employers", "1234"), Map.of("withheld", "false", "employers", "3"),
                Map.of("withheld", "true", "employers", "2"));
        AnnualReport.write(Storage.local(dir), 2025, RULES);
        String page = read("annual_report.html");
        // five places from -10 to 10 across the 540 points between the margins: the second bar at the fifth place
        assertTrue(page.contains("<rect x=\"31.0\"") && page.contains("<rect x=\"463.0\""), page);
        for (String expected : List.of("-10.00% ~ -5.00%</td><td class=\"figure\">1<",
                "10.00% ~ 15.00%</td><td class=\"figure\">1,234<", "최소 인원 미만)</td><td class=\"figure\">2<",
                "0원)</td><td class=\"figure\">3<")) {
            assertTrue(page.contains(expected), expected);
        }
    }

    @Test
    void theDocumentsForPrintingAreAlsoPdfsWhoseKoreanTextIsTheCsvsAndWhoseBytesRepeat() throws IOException {
        Optional<Pdf.Font> font = Pdf.font(System.getenv());
        assumeTrue(font.isPresent(), "no Korean TrueType font: install Debian's fonts-nanum (.ci/run does) or set"
                + " AA_PDF_FONT");
        csv("non_submitters", Map.of("employer_id", "110-87-00009", "employer_name", Fixtures.HOSTILE_TEXT,
                "regular_workforce", "1611.00", "reason", "NOT_SUBMITTED", "max_fine_krw", "3000000"));
        Documents.write(Storage.local(dir), 2025, RULES, font);
        String text;
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("prenotices/all.pdf").toFile())) {
            assertEquals(PDRectangle.A4.getWidth(), pdf.getPage(0).getMediaBox().getWidth(), 0.5);
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertFalse(text.contains("\0"), "a character of the PDF maps to no text");
        for (String expected : List.of("과태료 부과 사전 안내", "110-87-00009", "1,611.00", "3,000,000원 이하",
                "제39조제3항제3호", "<script>alert(\"x\")</script>")) {
            assertTrue(text.contains(expected), expected + " missing from the PDF's text");
        }
        byte[] first = Files.readAllBytes(dir.resolve("prenotices/all.pdf"));
        Documents.write(Storage.local(dir), 2025, RULES, font);
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("prenotices/all.pdf")));
        for (String pdf : List.of("letters/all.pdf", "notices/all.pdf", "annual_report.pdf")) {
            assertTrue(Files.size(dir.resolve(pdf)) > 0, pdf);
        }
    }
}
