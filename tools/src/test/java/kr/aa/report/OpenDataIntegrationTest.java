package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import kr.aa.generate.BundleGenerator;
import kr.aa.rules.RuleVersion;
import kr.aa.testing.InProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open data of a generated year of 150 employers (docs/rules.md, "Open data"), read with DuckDB, a reader the
 * project did not write, beside the warehouse's Parquet files read the same way: the same figures where shown, none
 * where the suppression rule withholds them.
 */
class OpenDataIntegrationTest {

    @TempDir
    static Path dir;
    private static Path out;

    @BeforeAll
    static void run() {
        Path bundle = BundleGenerator.writeYears(2025, 1, 150, 7, dir.resolve("bundles")).get(0);
        out = dir.resolve("out");
        InProcess.cycle(2025, bundle, out, RuleVersion.DEFAULT);
    }

    /** Each row of a DuckDB query, its fields as text (a decimal in plain digits, a missing one empty). */
    private static List<List<String>> duckdb(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rows = connection.createStatement().executeQuery(query)) {
            List<List<String>> result = new ArrayList<>();
            while (rows.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    fields.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
                }
                result.add(fields);
            }
            return result;
        }
    }

    private static String openData(String file) {
        return "read_csv('" + out.resolve("open-data/2025").resolve(file) + "', all_varchar = true)";
    }

    private static String warehouse(String dataset) {
        return "read_parquet('" + out.resolve("warehouse").resolve(dataset) + "/*/*.parquet', hive_partitioning = true)";
    }

    @Test
    void theComparisonGroupsAreTheWarehousesWhereShownAndWithheldBelowTheMinimum() throws SQLException {
        List<List<String>> groups = duckdb("SELECT o.withheld, o.units, o.avg_female_ratio, b.avg_female_ratio,"
                + " o.standard_manager_female_ratio, b.standard_manager_female_ratio, o.units_with_managers"
                + " FROM " + openData("comparison_groups.csv") + " o JOIN " + warehouse("benchmarks") + " b"
                + " ON o.industry_group = b.industry_group AND o.size_class = b.size_class ORDER BY ALL");
        assertEquals(duckdb("SELECT COUNT(*) FROM " + warehouse("benchmarks")).get(0).get(0),
                Integer.toString(groups.size()), "a comparison group is missing");
        assertTrue(groups.stream().anyMatch(g -> g.get(0).equals("false")), "no group shown");
        assertTrue(groups.stream().anyMatch(g -> g.get(0).equals("true")), "no group withheld");
        for (List<String> group : groups) {
            if (group.get(0).equals("false")) {
                assertEquals(group.get(3), group.get(2), group.toString());
                assertEquals(group.get(5), group.get(4), group.toString());
            } else {
                assertTrue(Integer.parseInt(group.get(1)) < 5 || Integer.parseInt(group.get(6)) < 5, group.toString());
                assertEquals("", group.get(4), group.toString());
            }
        }
    }

    @Test
    void theNationalFiguresAreTheWarehousesUnitsSummedAndThePayGapsAsDisclosed() throws SQLException {
        assertEquals(duckdb("SELECT SUM(workers)::VARCHAR, SUM(women)::VARCHAR FROM " + warehouse("units")),
                duckdb("SELECT workers, women FROM " + openData("national_statistics.csv")
                        + " WHERE breakdown = 'ALL'"));
        String disclosed = "SELECT employer_id, median_gap_pct::VARCHAR, q4_women_pct::VARCHAR, suppressed::VARCHAR"
                + " FROM %s ORDER BY employer_id";
        List<List<String>> published = duckdb(disclosed.formatted(openData("pay_gap_by_employer.csv")));
        assertEquals(duckdb(disclosed.formatted(warehouse("pay_indicators"))), published);
        assertTrue(published.size() > 100 && published.stream().anyMatch(p -> p.get(3).equals("true")
                && p.get(1).isEmpty()), "no employer's pay withheld");
    }
}
