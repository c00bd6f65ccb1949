package kr.aa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.aa.comply.ComplianceRecords;
import kr.aa.comply.ComplianceStaging;
import kr.aa.comply.Ledger;
import kr.aa.cycle.JobDatabase;
import kr.aa.ingest.Bundle;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.run.CycleRun;
import kr.aa.run.Folders;
import kr.aa.spark.Model;
import kr.aa.spark.SparkOutputs;
import kr.aa.spark.SqlFunctions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;

/**
 * Each SQL model of a step run alone against golden output. The views a step's models read (the step's inputs
 * and the result of every model) are frozen from one fixture's run as JSON lines,
 * {@code src/test/resources/models/<step>/<view>.jsonl}, their types in {@code schemas.json}. A model's test
 * registers the frozen views, runs the model's SQL alone and compares its rows with its own frozen result: a
 * broken model fails its own test, the models after it read the frozen result and pass.
 *
 * <p>With {@code -Daa.models.capture=true} the tests first capture the views again from the fixture's run, into
 * the source tree; the diff is then reviewed like any golden file's.
 */
public final class ModelFixtures {

    /** The run id the captured step ran with, and the tests' parameters carry. */
    public static final String RUN_ID = "model-fixture";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFixtures() {
    }

    /** Whether this run of the tests captures the frozen views again before comparing. */
    public static boolean capturing() {
        return Boolean.getBoolean("aa.models.capture");
    }

    /**
     * Writes, into the source tree, every temporary view of the session that a model of {@code step} names: the
     * step's inputs and its models' results, as the step left them.
     */
    public static void capture(String step) {
        SparkSession spark = InProcess.spark();
        String sql = String.join("\n", Model.of(step).stream().map(Model::sql).toList());
        Path dir = sources(step);
        Folders.delete(Storage.local(dir));
        Map<String, String> schemas = new TreeMap<>();
        try {
            Files.createDirectories(dir);
            for (Row row : spark.sql("SHOW VIEWS").collectAsList()) {
                String view = row.getString(row.fieldIndex("viewName"));
                if (row.getBoolean(row.fieldIndex("isTemporary"))
                        && Pattern.compile("\\b" + view + "\\b").matcher(sql).find()) {
                    schemas.put(view, spark.table(view).schema().toDDL());
                    Files.write(dir.resolve(view + ".jsonl"), rows(spark, "SELECT * FROM " + view, Map.of()),
                            StandardCharsets.UTF_8);
                }
            }
            JSON.writeValue(dir.resolve("schemas.json").toFile(), schemas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A run of 2025 under the default rules on {@code bundle}, whose work folder holds again what the published run
     * into {@code out} had there when its Spark steps began: the given staging and warehouse datasets, the ledger as
     * the run read it and the bundle's compliance records.
     */
    public static CycleRun rerunOf(Path out, Path bundle, List<String> staging, List<String> warehouse) {
        RuleVersion rules = RuleVersion.load(RuleVersion.DEFAULT);
        Ledger.Snapshot history = new Ledger(JobDatabase.embedded(out).dataSource()).snapshot(2025);
        CycleRun run = new CycleRun(2025, new Bundle(bundle.toString(), 2025), Storage.local(out), rules, history,
                RUN_ID, "local[2]");
        Folders.delete(run.workDir());
        staging.forEach(dataset -> Fixtures.copy(out.resolve("staging").resolve(dataset).resolve(run.partition()),
                Storage.toLocal(run.workStaging()).resolve(dataset), ".parquet"));
        warehouse.forEach(dataset -> Fixtures.copy(out.resolve("warehouse").resolve(dataset).resolve(run.partition()),
                Storage.toLocal(run.workWarehouse()).resolve(dataset), ".parquet"));
        new ComplianceStaging(rules).write(run.workLedger(), run.workWarehouse(), history,
                ComplianceRecords.read(run.bundle()), RUN_ID);
        return run;
    }

    /**
     * One test per model of {@code step} and way of evaluating its queries that the step uses, in order, each run
     * alone on the frozen views with the step's parameters.
     */
    public static Stream<DynamicTest> tests(String step, Map<String, Object> parameters,
            SparkOutputs.Evaluation... evaluations) {
        SparkSession spark = InProcess.spark();
        Path dir = sources(step);
        Map<String, String> schemas;
        try {
            schemas = JSON.readValue(dir.resolve("schemas.json").toFile(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a model's SQL never names its own view: every model reads the same frozen views, its own among them unread
        SqlFunctions.register(spark);
        schemas.forEach((view, ddl) -> spark.read().schema(ddl).json(dir.resolve(view + ".jsonl").toString())
                .createOrReplaceTempView(view));
        List<Model> models = Model.of(step);
        return Stream.of(evaluations).flatMap(evaluation -> models.stream().map(model -> DynamicTest.dynamicTest(
                model.name() + ", " + evaluation.name().toLowerCase(Locale.ROOT), () -> {
                    evaluation.apply(spark);
                    List<String> expected = Files.readAllLines(dir.resolve(model.name() + ".jsonl"),
                            StandardCharsets.UTF_8);
                    assertEquals(String.join("\n", expected), String.join("\n", rows(spark, model.sql(), parameters)),
                            model.name() + " on the frozen views of models/" + step + ", " + evaluation);
                })));
    }

    /** Where the frozen views of a step are kept in the source tree. */
    private static Path sources(String step) {
        return Fixtures.resource("models").resolve(step);
    }

    /** The rows of a query as JSON lines, sorted, so that the comparison does not depend on the plan's order. */
    private static List<String> rows(SparkSession spark, String sql, Map<String, Object> parameters) {
        List<String> rows = new ArrayList<>(spark.sql(sql, parameters).toJSON().collectAsList());
        rows.sort(null);
        return rows;
    }
}
