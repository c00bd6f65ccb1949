package kr.aa.whatif;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.aa.assess.Assessment;
import kr.aa.comply.Ledger;
import kr.aa.ingest.Bundle;
import kr.aa.io.CsvWriter;
import kr.aa.io.ParquetDatasetReader;
import kr.aa.io.ParquetDatasetWriter;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.run.CycleRun;
import kr.aa.run.Folders;
import kr.aa.run.Refused;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy what-if (docs/rules.md, "Policy what-if"): a published year assessed again from what its assessment
 * read (the staged registry and tables, the warehouse's submissions and rejections, the staged compliance ledger),
 * under other rule versions or settings, side by side with the published run as the baseline. It writes under
 * {@code <out>/whatif/<name>/} alone: each scenario's datasets and reports in a folder of its own, and
 * {@code groups.csv}, {@code changes.csv}, {@code totals.csv} with their page {@code index.html}.
 */
public final class WhatIf {

    /** A set of rules to assess the year under, and the name it goes by. */
    public record Scenario(String name, RuleVersion rules) {
    }

    /** The name of the published run among the scenarios. */
    public static final String PUBLISHED = "published";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final List<String> STAGED = List.of("employers", "workplaces", "monthly_workforce",
            "submitted_tables");
    private static final List<String> INGESTED = List.of("submissions", "rejections", "compliance_rejections");
    private static final List<String> COMPARED = List.of("units", "benchmarks", "non_submitters", "naming_candidates");
    private static final Logger log = LoggerFactory.getLogger(WhatIf.class);

    private final Path out;
    private final int year;
    private final String name;
    private final Path dir;

    /** The what-if {@code name} of year {@code year} of the output folder {@code out}. */
    public WhatIf(Path out, int year, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new Refused("a what-if's name is up to 64 letters, digits, '.', '_' or '-', starting with a letter"
                    + " or digit: not " + name);
        }
        this.out = out;
        this.year = year;
        this.name = name;
        this.dir = new Path(new Path(out, "whatif"), name);
        if (!Storage.exists(published("staging/ledger/assessed_units"))
                || !Storage.exists(published("warehouse/national_statistics"))) {
            throw new Refused(out + " holds no published cycle of " + year + " that a what-if can assess again"
                    + " (a cycle of " + year + " publishes what its assessment read: run it into this folder)");
        }
    }

    /** The rule version the published run applied. */
    public String publishedRuleVersion() {
        List<String> versions = new ArrayList<>();
        ParquetDatasetReader.forEachRow(ParquetDatasetWriter.part(published("warehouse/national_statistics")),
                List.of("rule_version"), row -> versions.add(row.get(0)));
        return versions.get(0);
    }

    /**
     * Assesses the year under each scenario and writes the comparison with the published run, in a work folder
     * moved into place once whole (a what-if killed or failed leaves none of its files); returns its page.
     */
    public Path run(SparkSession spark, List<Scenario> scenarios, String sparkMaster) {
        Path work = new Path(dir.getParent(), "." + name + ".work");
        Folders.delete(work);
        List<String> names = new ArrayList<>(List.of(PUBLISHED));
        List<Path> warehouses = new ArrayList<>(List.of(new Path(out, "warehouse")));
        for (Scenario scenario : scenarios) {
            String folder = scenario.name().replaceAll("[^A-Za-z0-9._=+-]", "_");
            if (names.contains(folder)) {
                throw new Refused("two scenarios go by the name " + folder);
            }
            names.add(folder);
            warehouses.add(assess(spark, scenario.rules(), new Path(work, folder), sparkMaster));
        }
        for (String dataset : COMPARED) {
            Dataset<Row> all = null;
            for (int i = 0; i < names.size(); i++) {
                Path partition = i == 0 ? published("warehouse/" + dataset) : new Path(warehouses.get(i), dataset);
                Dataset<Row> rows = spark.read().parquet(Storage.qualified(partition))
                        .withColumn("scenario", functions.lit(names.get(i)))
                        .withColumn("scenario_rank", functions.lit(i));
                all = all == null ? rows : all.unionByName(rows);
            }
            all.createOrReplaceTempView("whatif_" + dataset);
        }
        Map<String, Object> parameters = Map.of("reporting_year", year);
        for (String comparison : List.of("groups", "changes", "totals")) {
            Dataset<Row> rows = spark.sql(sql(comparison), parameters);
            try (CsvWriter csv = new CsvWriter(new Path(work, comparison + ".csv"), List.of(rows.columns()))) {
                // the comparisons are of groups and units: thousands of rows at national scale
                for (Row row : rows.collectAsList()) {
                    List<Object> fields = new ArrayList<>();
                    for (int i = 0; i < row.length(); i++) {
                        fields.add(row.get(i) instanceof BigDecimal decimal ? decimal.toPlainString() : row.get(i));
                    }
                    csv.row(fields);
                }
            }
        }
        WhatIfPage.write(work, year, name);
        Folders.replace(work, dir);
        return new Path(dir, "index.html");
    }

    /**
     * Assesses the year under {@code rules} in {@code folder}, from copies of what the published assessment read;
     * returns the folder of the warehouse datasets it wrote (its reports are in {@code folder/reports}).
     */
    private Path assess(SparkSession spark, RuleVersion rules, Path folder, String sparkMaster) {
        Ledger.Snapshot none = new Ledger.Snapshot(List.of(), List.of(), List.of(), List.of());
        CycleRun run = new CycleRun(year, new Bundle(out.toString(), year), folder, rules, none, runId(rules),
                sparkMaster);
        STAGED.forEach(dataset -> Storage.copy(published("staging/" + dataset), new Path(run.workStaging(), dataset)));
        INGESTED.forEach(dataset -> Storage.copy(published("warehouse/" + dataset),
                new Path(run.workWarehouse(), dataset)));
        Assessment.LEDGER.forEach(dataset -> Storage.copy(published("staging/ledger/" + dataset),
                new Path(run.workLedger(), dataset)));
        log.info("what-if of {} under {}", year, rules.id());
        new Assessment(spark, run).run();
        Path warehouse = new Path(folder, "warehouse");
        Folders.replace(run.workWarehouse(), warehouse);
        Folders.replace(run.workReports(), new Path(folder, "reports"));
        Folders.delete(new Path(folder, ".work"));
        return warehouse;
    }

    /** The published partition of year of a dataset folder of {@code out}. */
    private Path published(String dataset) {
        return new Path(new Path(out, dataset), "reporting_year=" + year);
    }

    /** A scenario's run id: its rules and the published inputs it reads, so the same what-if gives the same bytes. */
    private String runId(RuleVersion rules) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((year + rules.toString()).getBytes(StandardCharsets.UTF_8));
            for (String dataset : Stream.of(STAGED.stream().map(d -> "staging/" + d), INGESTED.stream()
                    .map(d -> "warehouse/" + d), Assessment.LEDGER.stream().map(d -> "staging/ledger/" + d))
                    .flatMap(s -> s).toList()) {
                try (InputStream in = Storage.open(ParquetDatasetWriter.part(published(dataset)))) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sql(String comparison) {
        try (var in = WhatIf.class.getClassLoader().getResourceAsStream("sql/whatif/" + comparison + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
