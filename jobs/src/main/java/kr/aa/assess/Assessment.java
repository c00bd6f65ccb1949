package kr.aa.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.aa.report.PressListPage;
import kr.aa.rules.IndustryClassification;
import kr.aa.rules.RuleVersion;
import kr.aa.run.CycleRun;
import kr.aa.spark.SparkOutputs;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The assessment in Spark SQL (docs/rules.md, from "Regular workforce" to "List publication"). Reads the run's
 * staged registry, its accepted {@code submissions} and {@code rejections}, and what it reads of the compliance
 * ledger (views {@code ledger_<dataset>}), runs the models of {@code sql/assess/} in order (each a temporary view
 * named after its file), and writes the warehouse datasets and the report CSVs into the run's work folder, with the
 * printable press list. Every dataset is projected through its contract in {@code schemas/}.
 */
public final class Assessment {

    /** How the step's queries are evaluated: interpreted, its data being one row per unit. */
    public static final SparkOutputs.Evaluation EVALUATION = SparkOutputs.Evaluation.INTERPRETED;

    private static final Logger log = LoggerFactory.getLogger(Assessment.class);

    /** The datasets the ingest steps wrote, whose reports this step writes with its own. */
    static final List<String> INGESTED = List.of("rejections", "compliance_rejections");
    /** What the assessment reads of the compliance ledger, each as the view {@code ledger_<dataset>}. */
    public static final List<String> LEDGER = List.of("assessed_units", "plans", "performance_reports", "actions");

    /** What the assessment found, for the run's summary. */
    public record Result(long units, long notified, long comparisonGroups, long nonSubmitters, long planReviews,
            long supplementsRequested, long evaluations, long poor, long namingCandidates, long published,
            Employers employers) {
    }

    /**
     * Where every employer of the registry ended (docs/rules.md, "Every employer accounted for"): obliged
     * (assessed whole, partly rejected, rejected, submitted nothing), not obliged (of whom some submitted
     * voluntarily), or undecided for want of a workforce; and the registry gaps.
     */
    public record Employers(long registered, long obligedAssessed, long obligedPartlyRejected, long obligedRejected,
            long obligedNotSubmitted, long notObliged, long voluntary, long undecided, long noMonthlyCounts,
            long noWorkforce) {

        private static final String PREFIX = "employers.";
        private static final List<String> NAMES = List.of("registered", "obliged_assessed", "obliged_partly_rejected",
                "obliged_rejected", "obliged_not_submitted", "not_obliged", "voluntary", "undecided",
                "no_monthly_counts", "no_workforce");

        public boolean balanced() {
            return obligedAssessed + obligedPartlyRejected + obligedRejected + obligedNotSubmitted + notObliged
                    + undecided == registered;
        }

        private List<Long> values() {
            return List.of(registered, obligedAssessed, obligedPartlyRejected, obligedRejected, obligedNotSubmitted,
                    notObliged, voluntary, undecided, noMonthlyCounts, noWorkforce);
        }

        public void saveTo(ExecutionContext context) {
            List<Long> values = values();
            for (int i = 0; i < NAMES.size(); i++) {
                context.putLong(PREFIX + NAMES.get(i), values.get(i));
            }
        }

        public static Employers from(ExecutionContext context) {
            long[] v = NAMES.stream().mapToLong(name -> context.getLong(PREFIX + name, 0)).toArray();
            return new Employers(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
        }

        @Override
        public String toString() {
            return registered + " employers in the registry: " + (obligedAssessed + obligedPartlyRejected
                    + obligedRejected + obligedNotSubmitted) + " obliged (" + obligedAssessed + " assessed, "
                    + obligedPartlyRejected + " partly rejected, " + obligedRejected + " rejected, "
                    + obligedNotSubmitted + " submitted nothing), " + notObliged + " not obliged (" + voluntary
                    + " submitted voluntarily), " + undecided + " undecided for want of a workforce; registry gaps: "
                    + noMonthlyCounts + " NO_MONTHLY_COUNTS, " + noWorkforce + " NO_WORKFORCE";
        }
    }

    private final SparkSession spark;
    private final CycleRun run;

    public Assessment(SparkSession spark, CycleRun run) {
        this.spark = spark;
        this.run = run;
    }

    public Result run() {
        SparkOutputs outputs = new SparkOutputs(spark, run, EVALUATION);
        for (String dataset : List.of("employers", "workplaces", "monthly_workforce", "submitted_tables")) {
            outputs.register(dataset, new Path(run.workStaging(), dataset));
        }
        for (String dataset : Stream.concat(Stream.of("submissions"), INGESTED.stream()).toList()) {
            outputs.register(dataset, new Path(run.workWarehouse(), dataset));
        }
        for (String dataset : LEDGER) {
            outputs.register("ledger_" + dataset, new Path(run.workLedger(), dataset));
        }
        outputs.registerPairs("industry_groups", IndustryClassification.groupNames(), "industry_group", "name_ko");
        outputs.registerBands("size_classes", run.rules().sizeClasses().stream()
                .map(c -> new SparkOutputs.Band(c.id(), c.minWorkforce())).toList(),
                "size_class", "min_workforce", "max_workforce", "size_rank");
        obligations(run.rules().obligationFor(run.reportingYear())).createOrReplaceTempView("obligations");
        exceptions(run.rules().compliance().exceptions()).createOrReplaceTempView("exception_decisions");
        Map<String, Object> parameters = parameters(run.rules(), run.reportingYear(), run.runId());
        log.info("assessing {} with rule version {}: {}", run.reportingYear(), run.rules().id(), parameters);
        Map<String, Long> rows = outputs.publish(outputs.runModels("assess", parameters), INGESTED);
        PressListPage.write(run.workReports(), run.reportingYear(), run.rules().factor());
        return new Result(spark.table("units").count(), rows.get("notifications"), rows.get("benchmarks"),
                rows.get("non_submitters"), rows.get("plan_reviews"),
                spark.table("plan_reviews").where("supplement_requested").count(), rows.get("performance_evaluations"),
                spark.table("performance_evaluations").where("poor").count(), rows.get("naming_candidates"),
                rows.get("press_list"), employers());
    }

    private Employers employers() {
        Row counts = spark.sql("""
                SELECT
                  COUNT(*),
                  COUNT_IF(obligated AND accepted_workplaces > 0 AND rejected_workplaces = 0),
                  COUNT_IF(obligated AND accepted_workplaces > 0 AND rejected_workplaces > 0),
                  COUNT_IF(obligated AND accepted_workplaces = 0 AND rejected_workplaces > 0),
                  COUNT_IF(obligated AND accepted_workplaces = 0 AND rejected_workplaces = 0),
                  COUNT_IF(NOT obligated),
                  COUNT_IF(NOT obligated AND accepted_workplaces > 0),
                  COUNT_IF(obligated IS NULL),
                  COUNT_IF(workforce_source IS NOT NULL AND workforce_source <> 'MONTHLY_COUNTS'),
                  COUNT_IF(workforce_source IS NULL)
                FROM employer_status""").first();
        Employers employers = new Employers(counts.getLong(0), counts.getLong(1), counts.getLong(2), counts.getLong(3),
                counts.getLong(4), counts.getLong(5), counts.getLong(6), counts.getLong(7), counts.getLong(8),
                counts.getLong(9));
        if (!employers.balanced()) {
            throw new IllegalStateException("employers do not balance: " + employers);
        }
        log.info("{}; every employer accounted for", employers);
        return employers;
    }

    /** Who the rule version obliges in the year: a view {@code (kind, workforce, group_workforce)}, one row per kind. */
    private Dataset<Row> obligations(RuleVersion.Obligation obligation) {
        List<Row> rows = new TreeMap<>(obligation.kinds()).entrySet().stream()
                .map(kind -> RowFactory.create(kind.getKey(), kind.getValue().workforce(),
                        kind.getValue().groupWorkforce()))
                .toList();
        return spark.createDataFrame(rows, new StructType()
                .add("kind", DataTypes.StringType, false)
                .add("workforce", DataTypes.LongType, false)
                .add("group_workforce", DataTypes.LongType, false));
    }

    /** The decisions that remove a naming candidate: a view {@code (action, status, precedence)}, 1 first. */
    private Dataset<Row> exceptions(List<RuleVersion.ExceptionDecision> exceptions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < exceptions.size(); i++) {
            rows.add(RowFactory.create(exceptions.get(i).action(), exceptions.get(i).status(), i + 1));
        }
        return spark.createDataFrame(rows, new StructType()
                .add("action", DataTypes.StringType, false)
                .add("status", DataTypes.StringType, false)
                .add("precedence", DataTypes.IntegerType, false));
    }

    /**
     * The rule version's settings for the cycle of {@code year} as SQL parameters; nothing of the law is written in
     * the SQL itself.
     */
    static Map<String, Object> parameters(RuleVersion rules, int year, String runId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("workforce_year", Integer.toString(rules.workforceYear(year)));
        parameters.put("managers_job_type", RuleVersion.MANAGERS_JOB_TYPE);
        parameters.put("voluntary_units_in_averages", rules.voluntaryUnitsInAverages());
        parameters.put("pooled", "POOLED".equals(rules.average()));
        parameters.put("average", rules.average());
        parameters.put("factor", rules.factor());
        parameters.put("has_proviso", rules.femaleRatioProviso() != null);
        parameters.put("female_ratio_proviso",
                rules.femaleRatioProviso() == null ? BigDecimal.ONE : rules.femaleRatioProviso());
        parameters.put("notify_by", rules.dates().notifyBy() == null ? "" : rules.dates().notifyBy().in(year).toString());
        parameters.put("plan_due", rules.dates().planDue().in(year).toString());
        parameters.put("selection_date", rules.selectionDate(year).toString());
        parameters.put("max_fine_krw", rules.maxFineKrw());
        RuleVersion.Compliance compliance = rules.compliance();
        parameters.put("reporting_year", year);
        parameters.put("plan_year", rules.planYear(year));
        parameters.put("report_year", rules.reportYear(year));
        parameters.put("supplement_answer_days", compliance.supplementAnswerDays());
        parameters.put("poor_below_pct", compliance.poorBelowPct());
        parameters.put("failed_years", compliance.failedYears());
        parameters.put("first_failed_year", year - compliance.failedYears() + 1);
        parameters.put("notice_days", compliance.noticeDays());
        parameters.put("publication_months", compliance.publicationMonths());
        parameters.put("rule_version", rules.id());
        parameters.put("run_id", runId);
        return parameters;
    }
}
