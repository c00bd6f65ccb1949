package kr.aa.assess;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.aa.cycle.CycleRun;
import kr.aa.rules.RuleVersion;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assessment in Spark SQL (domain §2, §4, §5). Reads the run's staged registry and its accepted
 * {@code submissions} and {@code rejections}, runs the models of {@code sql/assess/} in order (each a
 * temporary view named after its file), and writes the warehouse datasets {@code units},
 * {@code benchmarks}, {@code notifications}, {@code non_submitters} and the report CSVs into the run's
 * work folder. Every dataset is projected through its contract in {@code schemas/}.
 */
public final class Assessment {

    private static final Logger log = LoggerFactory.getLogger(Assessment.class);

    static final List<String> MODELS = List.of("01_employer_status", "02_units_counted", "03_comparison_averages",
            "04_units", "05_benchmarks", "06_notifications", "07_non_submitters");
    static final List<String> OUTPUTS = List.of("units", "benchmarks", "notifications", "non_submitters");
    static final List<String> REPORTS = List.of("notifications", "benchmarks", "rejections", "non_submitters");

    /** What the assessment found, for the run's summary. */
    public record Result(long units, long notified, long comparisonGroups, long nonSubmitters) {
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
        for (String dataset : List.of("submissions", "rejections")) {
            outputs.register(dataset, run.workWarehouse().resolve(dataset));
        }
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
        return new Result(spark.table("units").count(), rows.get("notifications"), rows.get("benchmarks"),
                rows.get("non_submitters"));
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
        parameters.put("rule_version", rules.id());
        parameters.put("run_id", run.runId());
        return parameters;
    }
}
