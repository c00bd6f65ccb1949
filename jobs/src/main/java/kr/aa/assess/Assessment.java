package kr.aa.assess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kr.aa.csv.CsvWriter;
import kr.aa.cycle.CycleRun;
import kr.aa.cycle.Folders;
import kr.aa.ingest.Registry;
import kr.aa.rules.RuleVersion;
import kr.aa.schema.DatasetSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
    /** Views that later models read more than once, computed once. */
    static final List<String> CACHED = List.of("employer_status", "units");
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
        registerInputs();
        Map<String, Object> parameters = parameters(run);
        log.info("assessing {} with rule version {}: {}", run.reportingYear(), run.rules().id(), parameters);
        for (String model : MODELS) {
            String view = model.substring(model.indexOf('_') + 1);
            spark.sql(sql("sql/assess/" + model + ".sql"), parameters).createOrReplaceTempView(view);
            if (CACHED.contains(view)) {
                spark.sql("CACHE TABLE " + view);
            }
        }
        for (String dataset : OUTPUTS) {
            writeParquet(dataset);
        }
        Map<String, Long> rows = new HashMap<>();
        for (String report : REPORTS) {
            rows.put(report, writeReport(report));
        }
        return new Result(spark.table("units").count(), rows.get("notifications"), rows.get("benchmarks"),
                rows.get("non_submitters"));
    }

    private void registerInputs() {
        for (String dataset : List.of("employers", "workplaces", "monthly_workforce")) {
            spark.read().parquet(run.workStaging().resolve(dataset).toString()).createOrReplaceTempView(dataset);
        }
        for (String dataset : List.of("submissions", "rejections")) {
            spark.read().parquet(run.workWarehouse().resolve(dataset).toString()).createOrReplaceTempView(dataset);
        }
        sizeClasses(run.rules()).createOrReplaceTempView("size_classes");
    }

    /** The rule version's size classes as a view: each from its lower bound to the next one's. */
    private Dataset<Row> sizeClasses(RuleVersion rules) {
        List<RuleVersion.SizeClass> classes = rules.sizeClasses();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            Long upper = i + 1 < classes.size() ? classes.get(i + 1).minWorkforce() : null;
            rows.add(RowFactory.create(classes.get(i).id(), classes.get(i).minWorkforce(), upper));
        }
        StructType type = new StructType()
                .add("size_class", DataTypes.StringType, false)
                .add("min_workforce", DataTypes.LongType, false)
                .add("max_workforce", DataTypes.LongType, true);
        return spark.createDataFrame(rows, type);
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

    private Dataset<Row> conforming(String view, DatasetSchema schema) {
        Column[] order = schema.orderBy().stream().map(functions::col).toArray(Column[]::new);
        return spark.sql("SELECT " + schema.projection() + " FROM " + view).repartition(1).sortWithinPartitions(order);
    }

    /**
     * Writes a dataset as one Parquet file, {@code <work>/warehouse/<dataset>/part-00000.parquet}, and
     * points its view at that file, so that the reports read what was written.
     */
    private void writeParquet(String dataset) {
        Path dir = run.workWarehouse().resolve(dataset);
        Path sparkDir = run.workDir().resolve("spark").resolve(dataset);
        conforming(dataset, DatasetSchema.load("warehouse", dataset)).write().mode(SaveMode.Overwrite)
                .parquet(sparkDir.toString());
        try (Stream<Path> files = Files.list(sparkDir)) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
            if (parts.size() != 1) {
                throw new IllegalStateException(sparkDir + ": expected one Parquet file, found " + parts.size());
            }
            Files.createDirectories(dir);
            Files.move(parts.get(0), dir.resolve(Registry.PART));
            Folders.delete(sparkDir);
            spark.read().parquet(dir.toString()).createOrReplaceTempView(dataset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("wrote {}", dataset);
    }

    /** Writes a report CSV from its warehouse dataset, in the contract's columns and order; returns its rows. */
    private long writeReport(String report) {
        DatasetSchema schema = DatasetSchema.load("reports", report);
        spark.sql("SELECT " + run.reportingYear() + " AS reporting_year, * FROM " + report)
                .createOrReplaceTempView("report_" + report);
        Path file = run.workReports().resolve(report + ".csv");
        long written = 0;
        try (CsvWriter out = new CsvWriter(file, schema.columnNames())) {
            Iterator<Row> rows = conforming("report_" + report, schema).toLocalIterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> fields = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    fields.add(field(row.get(i)));
                }
                out.row(fields);
                written++;
            }
        }
        log.info("wrote {}: {} rows", file.getFileName(), written);
        return written;
    }

    static String field(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    static String sql(String resource) {
        try (InputStream in = Assessment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
