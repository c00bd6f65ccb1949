package kr.aa.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.aa.io.CsvTable;
import kr.aa.io.Storage;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pay rules (docs/rules.md, "Pay disclosure") and the data contract, one test each, on the {@code pay-cases}
 * bundle: one employer per case (401-81-00001 … 00010), whose expected figures were computed independently of
 * the pipeline with exact fractions and are also its golden files.
 */
class PayDisclosureIntegrationTest {

    private static Path reports;

    @BeforeAll
    static void runTheCycle() {
        reports = InProcess.fixture("pay-cases").reports();
    }

    /** The listed fields of the report's rows matching the filter, comma-joined, one string per row. */
    private static List<String> rows(String report, String filter, String... columns) {
        List<String> found = new ArrayList<>();
        try (CsvTable table = CsvTable.open(Storage.local(reports), report + ".csv", List.of(columns))) {
            for (CsvTable.Row row : table) {
                String key = row.get("employer_id") + (row.columns().containsKey("breakdown")
                        ? "/" + row.get("breakdown") + "/" + row.get("category") : "");
                if (key.equals(filter)) {
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

    private static final String[] GAP = {"men", "women", "median_pay_men", "median_pay_women", "median_gap_pct",
        "mean_pay_men", "mean_pay_women", "mean_gap_pct", "suppressed"};

    @Test
    void anEvenCountsMedianIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(List.of("6,6,33000000,27750000,15.91,33000000,27666667,16.16,false"),
                rows("pay_gap", "401-81-00001/ALL/ALL", GAP));
    }

    @Test
    void anOddCountsMedianIsTheMiddleValue() {
        assertEquals(List.of("7,7,23000000,22000000,4.35,23000000,22000000,4.35,false"),
                rows("pay_gap", "401-81-00003/ALL/ALL", GAP));
    }

    @Test
    void aNegativeGapMeansWomenArePaidMore() {
        assertEquals(List.of("5,5,31000000,35500000,-14.52,31000000,35500000,-14.52,false"),
                rows("pay_gap", "401-81-00006/ALL/ALL", GAP));
    }

    @Test
    void fourWomenWithholdEveryPayAndGap() {
        assertEquals(List.of("10,4,,,,,,,true"), rows("pay_gap", "401-81-00007/ALL/ALL", GAP));
        assertEquals(List.of("10,4,,,,,,,,,,,true"), rows("pay_indicators", "401-81-00007", "men", "women",
                "mean_gap_pct", "median_gap_pct", "variable_mean_gap_pct", "variable_median_gap_pct",
                "men_receiving_variable_pct", "women_receiving_variable_pct", "q1_women_pct", "q2_women_pct",
                "q3_women_pct", "q4_women_pct", "suppressed"));
    }

    @Test
    void equalPayGivesNoGapAndEvenQuartiles() {
        assertEquals(List.of("0.00,0.00,50.00,50.00,50.00,50.00"), rows("pay_indicators", "401-81-00008",
                "mean_gap_pct", "median_gap_pct", "q1_women_pct", "q2_women_pct", "q3_women_pct", "q4_women_pct"));
    }

    @Test
    void quartileBandsTakeTheRemainderInQ1ThenQ4ThenQ2() {
        String[] quartiles = {"men", "women", "q1_women_pct", "q2_women_pct", "q3_women_pct", "q4_women_pct"};
        // n = 12, 13, 14, 15: bands of 3/3/3/3, 4/3/3/3, 4/3/3/4, 4/4/3/4
        assertEquals(List.of("6,6,100.00,83.33,16.67,0.00"), rows("pay_indicators", "401-81-00001", quartiles));
        assertEquals(List.of("6,7,75.00,66.67,66.67,0.00"), rows("pay_indicators", "401-81-00002", quartiles));
        assertEquals(List.of("7,7,62.50,50.00,50.00,37.50"), rows("pay_indicators", "401-81-00003", quartiles));
        assertEquals(List.of("8,7,75.00,50.00,50.00,12.50"), rows("pay_indicators", "401-81-00004", quartiles));
    }

    @Test
    void equalPaysAcrossABandBoundaryAreSharedInProportion() {
        // four people at 15,000,000 KRW (2 women) hold positions 2-5: two slots in Q1, two in Q2
        assertEquals(List.of("33.33,66.67,66.67,33.33"), rows("pay_indicators", "401-81-00005",
                "q1_women_pct", "q2_women_pct", "q3_women_pct", "q4_women_pct"));
    }

    @Test
    void partYearWorkersAndOtherGendersAreLeftOut() {
        assertEquals(List.of("5,5"), rows("pay_context", "401-81-00009", "men", "women"));
    }

    @Test
    void variablePayGapsNeedTheMinimumOfEachGenderAmongItsRecipients() {
        assertEquals(List.of(",,50.00,33.33"), rows("pay_indicators", "401-81-00001", "variable_mean_gap_pct",
                "variable_median_gap_pct", "men_receiving_variable_pct", "women_receiving_variable_pct"));
        assertEquals(List.of("-50.00,-50.00,100.00,100.00"), rows("pay_indicators", "401-81-00006",
                "variable_mean_gap_pct", "variable_median_gap_pct", "men_receiving_variable_pct",
                "women_receiving_variable_pct"));
    }

    @Test
    void everyPayrollRuleRejectsItsRowsWithTheirLines() {
        Set<String> rejected = new TreeSet<>();
        try (CsvTable table = CsvTable.open(Storage.local(reports), "payroll_rejections.csv", List.of("line",
                "rule"))) {
            table.forEach(row -> rejected.add(row.get("line") + " " + row.get("rule")));
        }
        assertEquals(Set.of("116 UNKNOWN_EMPLOYER", "117 BAD_VALUE", "118 BAD_VALUE", "119 HIRED_AFTER_PERIOD",
                "120 DUPLICATE_EMPLOYEE", "121 DUPLICATE_EMPLOYEE", "122 BAD_VALUE"), rejected);
    }

    @Test
    void anExactGapJustBelowAHalfIsRoundedOnce() {
        // 250,000,000 KRW to 5 men and 219,137,501 to 5 women: a mean gap of 12.3449996 %; medians of 50,000,065
        // and 43,827,557: 12.34499995 %. Both print 12.34, never 12.35.
        assertEquals(List.of("5,5,50000065,43827557,12.34,50000000,43827500,12.34,false"),
                rows("pay_gap", "401-81-00010/ALL/ALL", GAP));
        assertEquals(List.of("12.34,12.34"), rows("pay_indicators", "401-81-00010", "mean_gap_pct", "median_gap_pct"));
    }

    @Test
    void monthsWorkedBeyondTheMonthsSinceHiringIsABadValue() {
        // hired 2024-03-15: at most 10 months of 2024; the row claiming 10 is kept (a part-year worker)
        assertEquals(List.of("122,BAD_VALUE,months_worked 11 is more than the 10 months from the hiring month 2024-03"
                + " to 2024-12; correct the row"), rows("payroll_rejections", "401-81-00009", "line", "rule", "message")
                .stream().filter(r -> r.startsWith("122,")).toList());
        assertEquals(List.of(), rows("payroll_rejections", "401-81-00009", "line").stream()
                .filter(line -> line.equals("123")).toList());
    }

    @Test
    void noRejectionMessageRepeatsAPayAmount() {
        Map<String, List<String>> payByLine = new java.util.HashMap<>();
        List<String> pay = List.of("base_pay_krw", "allowances_krw", "performance_pay_krw", "other_pay_krw");
        try (CsvTable payroll = CsvTable.open(Storage.local(Fixtures.resource("bundles/pay-cases")), "payroll.csv",
                pay)) {
            payroll.forEach(row -> payByLine.put(Long.toString(row.line()),
                    pay.stream().map(row::get).filter(amount -> !amount.equals("0")).toList()));
        }
        try (CsvTable table = CsvTable.open(Storage.local(reports), "payroll_rejections.csv", List.of("line",
                "message"))) {
            for (CsvTable.Row row : table) {
                for (String amount : payByLine.get(row.get("line"))) {
                    assertFalse(row.get("message").contains(amount), row.get("message") + " repeats " + amount);
                }
            }
        }
    }
}
