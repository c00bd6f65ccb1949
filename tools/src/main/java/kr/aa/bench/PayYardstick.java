package kr.aa.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import kr.aa.rules.RuleVersion;

/**
 * The benchmark's yardstick: the pay aggregation of the disclosure (count, median and mean by employer,
 * breakdown, category and gender over the full-year population) run by DuckDB on the same staged Parquet.
 * DuckDB is on the class path of {@code ./aa bench} only.
 */
final class PayYardstick {

    /** Groups aggregated and the seconds DuckDB took. */
    record Timing(long groups, double seconds) {
    }

    private PayYardstick() {
    }

    static Timing run(Path payrollParquet, int payYear, RuleVersion.Pay settings, int threads) {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads = " + threads);
            long start = System.nanoTime();
            try (ResultSet groups = statement.executeQuery(aggregation(payrollParquet, payYear, settings))) {
                groups.next();
                return new Timing(groups.getLong(1), (System.nanoTime() - start) / 1e9);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the DuckDB yardstick failed: " + e.getMessage(), e);
        }
    }

    private static String aggregation(Path parquet, int payYear, RuleVersion.Pay settings) {
        List<RuleVersion.TenureBand> bands = settings.tenureBands();
        String tenure = bands.stream()
                .sorted((a, b) -> b.minYears() - a.minYears())
                .map(b -> "WHEN tenure_years >= " + b.minYears() + " THEN '" + b.id() + "'")
                .collect(Collectors.joining(" ", "CASE ", " END"));
        String breakdowns = String.join(" UNION ALL ",
                "SELECT employer_id, gender, 'ALL' AS breakdown, 'ALL' AS category, total_pay AS pay FROM people",
                "SELECT employer_id, gender, 'LEVEL', level, total_pay FROM people",
                "SELECT employer_id, gender, 'JOB_TYPE', CAST(job_type AS VARCHAR), total_pay FROM people",
                "SELECT employer_id, gender, 'TENURE', " + tenure + ", total_pay FROM people",
                "SELECT employer_id, gender, 'EMPLOYMENT_TYPE', employment_type, total_pay FROM people",
                "SELECT employer_id, gender, 'COMPONENT', 'base_pay', base_pay_krw FROM people",
                "SELECT employer_id, gender, 'COMPONENT', 'allowances', allowances_krw FROM people",
                "SELECT employer_id, gender, 'COMPONENT', 'performance_pay', performance_pay_krw FROM people",
                "SELECT employer_id, gender, 'COMPONENT', 'other_pay', other_pay_krw FROM people");
        return "WITH people AS (SELECT *, " + payYear + " - year(CAST(hired_on AS DATE)) AS tenure_years,"
                + " base_pay_krw + allowances_krw + performance_pay_krw + other_pay_krw AS total_pay"
                + " FROM read_parquet('" + parquet + "') WHERE gender IN ('F', 'M') AND months_worked >= "
                + settings.minMonthsWorked() + "), pay_values AS (" + breakdowns + ")"
                + " SELECT COUNT(*) FROM (SELECT employer_id, breakdown, category, gender, COUNT(*), median(pay),"
                + " avg(pay) FROM pay_values GROUP BY ALL)";
    }
}
