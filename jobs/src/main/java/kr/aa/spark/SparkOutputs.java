package kr.aa.spark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import kr.aa.io.CsvWriter;
import kr.aa.io.DatasetSchema;
import kr.aa.io.ParquetDatasetReader;
import kr.aa.io.ParquetDatasetWriter;
import kr.aa.io.ParquetFooters;
import kr.aa.io.Storage;
import kr.aa.run.CycleRun;
import kr.aa.run.Folders;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a folder of SQL models, each a temporary view named after its file (computed once into the run's work
 * folder when later models read it), and writes views out through their contracts: a warehouse dataset as one
 * sorted Parquet file, and the report of a dataset, read from that file, as a CSV in the contract's columns and
 * order.
 */
public final class SparkOutputs {

    private static final Logger log = LoggerFactory.getLogger(SparkOutputs.class);

    /**
     * How a step's queries are evaluated: compiled to Java code, which pays over the millions of rows of a national
     * payroll, or interpreted, which is faster over the thousands of rows of a step that works on units or a small
     * payroll, where compiling each query would cost more than it saves. Either way gives the same results.
     */
    public enum Evaluation {
        COMPILED, INTERPRETED;

        /** Sets the session to evaluate the queries after this one so. */
        public void apply(SparkSession spark) {
            boolean compiled = this == COMPILED;
            spark.conf().set("spark.sql.codegen.wholeStage", compiled);
            spark.conf().set("spark.sql.codegen.factoryMode", compiled ? "FALLBACK" : "NO_CODEGEN");
        }
    }

    private final SparkSession spark;
    private final CycleRun run;

    /** The outputs of a step whose queries the session evaluates as {@code evaluation} says. */
    public SparkOutputs(SparkSession spark, CycleRun run, Evaluation evaluation) {
        this.spark = spark;
        this.run = run;
        evaluation.apply(spark);
    }

    /**
     * Creates the view of each model of {@code sql/<step>/}, in order ({@code 01_units.sql} makes {@code units}),
     * and returns them. A materialised model (one that later models read, often more than once) is computed once
     * into the work folder before the next model is defined, so that they read its result instead of computing
     * it again; the others stay views, computed where they are read.
     */
    public List<Model> runModels(String step, Map<String, Object> parameters) {
        SqlFunctions.register(spark);
        List<Model> models = Model.of(step);
        for (Model model : models) {
            spark.sql(model.sql(), parameters).createOrReplaceTempView(model.name());
            model.check(List.of(spark.table(model.name()).columns()));
            if (model.contract().materialised()) {
                Path dir = new Path(new Path(new Path(run.workDir(), "spark"), "computed"), model.name());
                spark.table(model.name()).write().mode(SaveMode.Overwrite).parquet(Storage.qualified(dir));
                register(model.name(), dir);
                log.info("computed {}", model.name());
            }
        }
        return models;
    }

    /**
     * Writes the warehouse dataset of each published model, then the report of each dataset that has one, of
     * those models and of {@code alsoReported} (views of datasets that earlier steps wrote); returns each
     * report's rows.
     */
    public Map<String, Long> publish(List<Model> models, List<String> alsoReported) {
        List<String> datasets = models.stream().filter(m -> m.contract().published()).map(Model::name).toList();
        datasets.forEach(this::writeDataset);
        Map<String, Long> rows = new TreeMap<>();
        for (String dataset : datasets) {
            if (DatasetSchema.exists("reports", dataset)) {
                rows.put(dataset, writeReport(dataset));
            }
        }
        for (String dataset : alsoReported) {
            if (DatasetSchema.exists("reports", dataset)) {
                rows.put(dataset, writeSortedReport(dataset));
            }
        }
        return rows;
    }

    /**
     * Registers a Parquet folder as a view; a folder without rows as an empty relation of the same columns, which
     * Spark's optimizer carries through the plans that read it instead of running them (a year without payroll,
     * a bundle without compliance records).
     */
    public void register(String view, Path parquet) {
        Dataset<Row> files = spark.read().parquet(Storage.qualified(parquet));
        if (ParquetDatasetReader.rows(parquet) == 0) {
            files = spark.createDataFrame(List.of(), files.schema());
        }
        files.createOrReplaceTempView(view);
    }

    /** A band of a setting: an id and the lower bound where it starts. */
    public record Band(String id, long lowerBound) {
    }

    /**
     * Registers bands as a view {@code (id, lower, upper, rank)} under the given column names: each band
     * runs from its lower bound up to the next band's (none for the last), ranked in the settings' order.
     */
    public void registerBands(String view, List<Band> bands, String id, String lower, String upper, String rank) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            Long next = i + 1 < bands.size() ? bands.get(i + 1).lowerBound() : null;
            rows.add(RowFactory.create(bands.get(i).id(), bands.get(i).lowerBound(), next, i));
        }
        spark.createDataFrame(rows, new StructType()
                .add(id, DataTypes.StringType, false)
                .add(lower, DataTypes.LongType, false)
                .add(upper, DataTypes.LongType, true)
                .add(rank, DataTypes.IntegerType, false)).createOrReplaceTempView(view);
    }

    /** Registers a map of settings as a view of two string columns, sorted by key. */
    public void registerPairs(String view, Map<String, String> pairs, String key, String value) {
        List<Row> rows = new TreeMap<>(pairs).entrySet().stream()
                .map(pair -> RowFactory.create(pair.getKey(), pair.getValue()))
                .toList();
        spark.createDataFrame(rows, new StructType()
                .add(key, DataTypes.StringType, false)
                .add(value, DataTypes.StringType, false)).createOrReplaceTempView(view);
    }

    /**
     * Writes a view as {@code <work>/warehouse/<dataset>/part-00000.parquet}, its footer's encodings sorted
     * ({@link ParquetFooters}).
     */
    private void writeDataset(String dataset) {
        Path dir = new Path(run.workWarehouse(), dataset);
        Path sparkDir = new Path(new Path(run.workDir(), "spark"), dataset);
        conforming(dataset, DatasetSchema.load("warehouse", dataset)).write().mode(SaveMode.Overwrite)
                .parquet(Storage.qualified(sparkDir));
        List<Path> parts = Storage.list(sparkDir).stream().filter(f -> f.getName().endsWith(".parquet")).toList();
        if (parts.size() != 1) {
            throw new IllegalStateException(sparkDir + ": expected one Parquet file, found " + parts.size());
        }
        ParquetFooters.sortEncodings(parts.get(0));
        // a run killed after this move and restarted writes the dataset again
        Folders.replace(parts.get(0), ParquetDatasetWriter.part(dir));
        Folders.delete(sparkDir);
        log.info("wrote {}", dataset);
    }

    /**
     * Writes {@code <work>/reports/<report>.csv} from the warehouse dataset it is a projection of, as this step wrote
     * it in the work folder (one file, sorted as both contracts say); returns its rows.
     */
    private long writeReport(String report) {
        List<String> columns = reportColumns(DatasetSchema.load("reports", report));
        // the reporting year is the dataset's partition, not a column of its file
        String year = Integer.toString(run.reportingYear());
        return writeCsv(report, columns, out -> ParquetDatasetReader.forEachRow(
                ParquetDatasetWriter.part(new Path(run.workWarehouse(), report)),
                columns.subList(1, columns.size()), fields -> {
                    List<String> row = new ArrayList<>(columns.size());
                    row.add(year);
                    row.addAll(fields);
                    out.row(row);
                }));
    }

    /**
     * Writes {@code <work>/reports/<report>.csv} from the view of a dataset an earlier step wrote in the order it read
     * its files, sorted here as its contract says; returns its rows.
     */
    private long writeSortedReport(String report) {
        DatasetSchema schema = DatasetSchema.load("reports", report);
        List<String> columns = reportColumns(schema);
        spark.sql("SELECT " + run.reportingYear() + " AS reporting_year, * FROM " + report)
                .createOrReplaceTempView("report_" + report);
        return writeCsv(report, columns, out -> {
            long written = 0;
            Iterator<Row> rows = conforming("report_" + report, schema).toLocalIterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> fields = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    fields.add(value == null ? null
                            : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
                }
                out.row(fields);
                written++;
            }
            return written;
        });
    }

    private static List<String> reportColumns(DatasetSchema schema) {
        List<String> columns = schema.columnNames();
        if (!columns.get(0).equals("reporting_year")) {
            throw new IllegalStateException("schemas/reports/" + schema.dataset() + ".json: the reporting year comes"
                    + " first");
        }
        return columns;
    }

    /** Writes {@code <work>/reports/<report>.csv} with the rows {@code rows} gives it; returns how many. */
    private long writeCsv(String report, List<String> columns, ToLongFunction<CsvWriter> rows) {
        Path file = new Path(run.workReports(), report + ".csv");
        long written;
        try (CsvWriter out = new CsvWriter(file, columns)) {
            written = rows.applyAsLong(out);
        }
        log.info("wrote {}: {} rows", file.getName(), written);
        return written;
    }

    /**
     * The view in one partition, sorted by the contract's order (which may use the view's own sort keys), then
     * projected; every column nullable, whatever the plan knows of it, so that a model computed once or where it is
     * read writes the same file.
     */
    private Dataset<Row> conforming(String view, DatasetSchema schema) {
        Column[] order = schema.orderBy().stream().map(functions::col).toArray(Column[]::new);
        Dataset<Row> projected = spark.table(view).repartition(1).sortWithinPartitions(order)
                .selectExpr(schema.projection());
        StructType nullable = new StructType();
        for (StructField field : projected.schema().fields()) {
            nullable = nullable.add(field.name(), field.dataType(), true, field.metadata());
        }
        return spark.createDataFrame(projected.javaRDD(), nullable);
    }
}
