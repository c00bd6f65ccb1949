package kr.aa.pay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.aa.io.ParquetDatasetReader;
import kr.aa.report.DisclosurePages;
import kr.aa.rules.RuleVersion;
import kr.aa.run.CycleRun;
import kr.aa.spark.SparkOutputs;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gender pay-gap disclosure in Spark SQL (docs/rules.md, "Pay disclosure"). Reads the staged payroll rows and
 * their own rejections, runs the models of {@code sql/pay/}, and writes the warehouse datasets and report CSVs
 * {@code payroll_rejections}, {@code pay_gap}, {@code pay_indicators} and {@code pay_context} into the run's work
 * folder, then the disclosure pages. Nothing written holds an individual's pay.
 */
public final class PayAnalysis {

    /**
     * The payroll rows from which the step's queries are compiled: below it, compiling each query costs more than it
     * saves (a launch on the 132 rows of {@code pay-cases} spends a third of its processor time compiling).
     */
    static final long COMPILED_FROM_ROWS = 50_000;

    private static final Logger log = LoggerFactory.getLogger(PayAnalysis.class);

    /** What the analysis found, for the run's summary. */
    public record Result(long people, long employers, long rejections) {
    }

    private final SparkSession spark;
    private final CycleRun run;

    public PayAnalysis(SparkSession spark, CycleRun run) {
        this.spark = spark;
        this.run = run;
    }

    public Result run() {
        SparkOutputs outputs = new SparkOutputs(spark, run,
                evaluationFor(ParquetDatasetReader.rows(new Path(run.workStaging(), "payroll"))));
        for (String dataset : List.of("employers", "payroll", "payroll_row_rejections")) {
            outputs.register(dataset, new Path(run.workStaging(), dataset));
        }
        RuleVersion.Pay settings = run.rules().pay();
        outputs.registerBands("tenure_bands", settings.tenureBands().stream()
                .map(b -> new SparkOutputs.Band(b.id(), b.minYears())).toList(),
                "tenure_band", "min_years", "max_years", "band_rank");
        employmentTypes(settings).createOrReplaceTempView("pay_employment_types");
        EmployerPay.register(spark);
        Map<String, Object> parameters = parameters(run.rules(), run.reportingYear(), run.runId());
        log.info("pay disclosure of {}: {}", run.rules().payYear(run.reportingYear()), settings);
        Map<String, Long> rows = outputs.publish(outputs.runModels("pay", parameters), List.of());
        DisclosurePages.write(run.workReports(), settings.suppressionMinimum());
        long people = spark.sql("SELECT COALESCE(SUM(men + women), 0) FROM pay_context").first().getLong(0);
        return new Result(people, rows.get("pay_indicators"), rows.get("payroll_rejections"));
    }

    /** How the step's queries are evaluated over a payroll of so many rows: compiled over a large one. */
    static SparkOutputs.Evaluation evaluationFor(long payrollRows) {
        return payrollRows < COMPILED_FROM_ROWS ? SparkOutputs.Evaluation.INTERPRETED : SparkOutputs.Evaluation.COMPILED;
    }

    /** The pay settings of the rule version for the cycle of {@code year} as SQL parameters. */
    static Map<String, Object> parameters(RuleVersion rules, int year, String runId) {
        RuleVersion.Pay settings = rules.pay();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("pay_year", rules.payYear(year));
        parameters.put("min_months_worked", settings.minMonthsWorked());
        parameters.put("suppression_minimum", settings.suppressionMinimum());
        for (int quartile = 1; quartile <= 3; quartile++) {
            parameters.put("q" + quartile + "_remainder_rank", settings.remainderRank(quartile));
        }
        parameters.put("rule_version", rules.id());
        parameters.put("run_id", runId);
        return parameters;
    }

    private org.apache.spark.sql.Dataset<Row> employmentTypes(RuleVersion.Pay settings) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < settings.employmentTypes().size(); i++) {
            rows.add(RowFactory.create(settings.employmentTypes().get(i), i));
        }
        return spark.createDataFrame(rows, new StructType()
                .add("employment_type", DataTypes.StringType, false)
                .add("type_rank", DataTypes.IntegerType, false));
    }
}
