package kr.aa.assess;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.aa.comply.PressListPage;
import kr.aa.cycle.CycleRun;
import kr.aa.rules.IndustryClassification;
import kr.aa.rules.RuleVersion;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assessment in Spark SQL (domain §2, §4-§7). Reads the run's staged registry, its accepted
 * {@code submissions} and {@code rejections}, and what it reads of the compliance ledger (views
 * {@code ledger_<dataset>}), runs the models of {@code sql/assess/} in order (each a temporary view named
 * after its file), and writes the warehouse datasets and the report CSVs into the run's work folder, with
 * the printable press list. Every dataset is projected through its contract in {@code schemas/}.
 */
public final class Assessment {

    private static final Logger log = LoggerFactory.getLogger(Assessment.class);

    static final List<String> MODELS = List.of("01_employer_status", "02_units_counted", "03_comparison_averages",
            "04_units", "05_benchmarks", "06_notifications", "07_employer_names", "08_latest_plans",
            "09_plan_reviews", "10_performance_evaluations", "11_non_submitters", "12_naming_candidates",
            "13_press_list");
    static final List<String> OUTPUTS = List.of("units", "benchmarks", "notifications", "non_submitters",
            "plan_reviews", "performance_evaluations", "naming_candidates", "press_list");
    static final List<String> REPORTS = List.of("notifications", "benchmarks", "rejections", "non_submitters",
            "plan_reviews", "performance_evaluations", "naming_candidates", "press_list", "compliance_rejections");
    static final List<String> LEDGER = List.of("assessed_units", "plans", "performance_reports", "actions");

    /** What the assessment found, for the run's summary. */
    public record Result(long units, long notified, long comparisonGroups, long nonSubmitters, long planReviews,
            long supplementsRequested, long evaluations, long poor, long namingCandidates, long published) {
    }

    private final SparkSession spark;
    private final CycleRun run;

    public Assessment(SparkSession spark, CycleRun run) {
        this.spark = spark;
        this.run = run;
    }

    public Result run() {
        SparkOutputs outputs = new SparkOutputs(spark, run);
        for (String dataset : List.of("employers", "workplaces", "monthly_workforce")) {
            outputs.register(dataset, run.workStaging().resolve(dataset));
        }
        for (String dataset : List.of("submissions", "rejections", "compliance_rejections")) {
            outputs.register(dataset, run.workWarehouse().resolve(dataset));
        }
        for (String dataset : LEDGER) {
            outputs.register("ledger_" + dataset, run.workLedger().resolve(dataset));
        }
        outputs.registerPairs("industry_groups", IndustryClassification.groupNames(), "industry_group", "name_ko");
        outputs.registerBands("size_classes", run.rules().sizeClasses().stream()
                .map(c -> new SparkOutputs.Band(c.id(), c.minWorkforce())).toList(),
                "size_class", "min_workforce", "max_workforce", "size_rank");
        Map<String, Object> parameters = parameters(run);
        log.info("assessing {} with rule version {}: {}", run.reportingYear(), run.rules().id(), parameters);
        outputs.runModels("assess", MODELS, Set.copyOf(MODELS.stream().map(m -> m.substring(3)).toList()), parameters);
        OUTPUTS.forEach(outputs::writeDataset);
        Map<String, Long> rows = new HashMap<>();
        for (String report : REPORTS) {
            rows.put(report, outputs.writeReport(report));
        }
        PressListPage.write(run.workReports(), run.reportingYear(), run.rules().factor());
        return new Result(spark.table("units").count(), rows.get("notifications"), rows.get("benchmarks"),
                rows.get("non_submitters"), rows.get("plan_reviews"),
                spark.table("plan_reviews").where("supplement_requested").count(), rows.get("performance_evaluations"),
                spark.table("performance_evaluations").where("poor").count(), rows.get("naming_candidates"),
                rows.get("press_list"));
    }

    /** The rule version's settings as SQL parameters; nothing of the law is written in the SQL itself. */
    static Map<String, Object> parameters(CycleRun run) {
        RuleVersion rules = run.rules();
        int year = run.reportingYear();
        RuleVersion.Obligation obligation = rules.obligationFor(year);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("workforce_year", Integer.toString(year - 1));
        parameters.put("obligation_workforce", obligation.workforce());
        parameters.put("group_obligation_workforce", obligation.groupWorkforce());
        parameters.put("voluntary_units_in_averages", rules.voluntaryUnitsInAverages());
        parameters.put("pooled", "POOLED".equals(rules.average()));
        parameters.put("average", rules.average());
        parameters.put("factor", rules.factor());
        parameters.put("has_proviso", rules.femaleRatioProviso() != null);
        parameters.put("female_ratio_proviso",
                rules.femaleRatioProviso() == null ? BigDecimal.ONE : rules.femaleRatioProviso());
        parameters.put("notify_by", rules.dates().notifyBy() == null ? "" : rules.dates().notifyBy().in(year).toString());
        parameters.put("plan_due", rules.dates().planDue().in(year).toString());
        parameters.put("max_fine_krw", rules.maxFineKrw());
        RuleVersion.Compliance compliance = rules.compliance();
        parameters.put("reporting_year", year);
        parameters.put("plan_year", year - 1);
        parameters.put("report_year", year - 2);
        parameters.put("supplement_answer_days", compliance.supplementAnswerDays());
        parameters.put("poor_below_pct", compliance.poorBelowPct());
        parameters.put("failed_years", compliance.failedYears());
        parameters.put("first_failed_year", year - compliance.failedYears() + 1);
        parameters.put("notice_days", compliance.noticeDays());
        parameters.put("publication_months", compliance.publicationMonths());
        parameters.put("rule_version", rules.id());
        parameters.put("run_id", run.runId());
        return parameters;
    }
}
