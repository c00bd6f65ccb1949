package kr.aa.query;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import kr.aa.io.ParquetDatasetReader;
import kr.aa.io.Storage;
import kr.aa.run.Folders;
import kr.aa.run.Refused;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The researcher's SQL over the warehouse ({@code ./aa sql}; docs/rules.md, "The warehouse in SQL"): every dataset
 * of {@code <out>/warehouse/} a table of all its years, {@code reporting_year} a column, in a Spark session of its
 * own. Nothing else is readable: not the staging area (personal data), nor any file named in a query.
 */
public final class WarehouseSql {

    private static final int SHOWN = 100;

    private final SparkSession spark;
    private final List<String> tables;

    /** The warehouse of {@code out} as tables of a new session of {@code shared}. */
    public WarehouseSql(SparkSession shared, Path out) {
        this.spark = shared.newSession();
        // a query may read the tables alone, never a file by its path (parquet.`<out>/staging/payroll`)
        spark.conf().set("spark.sql.runSQLOnFiles", false);
        Path warehouse = new Path(out, "warehouse");
        if (!Storage.isDirectory(warehouse)) {
            throw new Refused(out + " holds no warehouse: run a cycle into it first");
        }
        tables = Storage.list(warehouse).stream().filter(Storage::isDirectory).map(Path::getName).toList();
        tables.forEach(table -> spark.read().parquet(Storage.qualified(new Path(warehouse, table)))
                .createOrReplaceTempView(table));
    }

    public List<String> tables() {
        return tables;
    }

    /** Prints the rows of {@code query} as a table, the first hundred of them with the count of all. */
    public void print(String query, PrintStream out) {
        Dataset<Row> rows = run(query);
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(rows.columns()));
        long count = spark(() -> {
            for (Row row : rows.limit(SHOWN).collectAsList()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.length(); i++) {
                    fields.add(row.isNullAt(i) ? "" : row.get(i) instanceof BigDecimal decimal ? decimal.toPlainString()
                            : row.get(i).toString());
                }
                lines.add(fields);
            }
            return rows.count();
        });
        int[] widths = new int[lines.get(0).size()];
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == 0 ? "" : " | ").append(line.get(i)).append(" ".repeat(widths[i] - line.get(i).length()));
            }
            out.println(text.toString().stripTrailing());
        }
        out.println(count > SHOWN ? count + " rows, the first " + SHOWN + " shown: write them all with --to FILE"
                : count + (count == 1 ? " row" : " rows"));
    }

    /** Writes the rows of {@code query} into {@code file}: CSV with a header, or Parquet, by its ending. */
    public long write(String query, Path file) {
        String name = file.getName();
        if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
            throw new Refused("--to names a .csv or a .parquet file, not " + name);
        }
        if (Storage.isDirectory(file)) {
            throw new Refused("--to names a file, and " + file + " is a folder: name another");
        }
        Dataset<Row> rows = run(query);
        Path parts = Storage.child(file.getParent(), "." + name + ".parts");
        var writer = rows.coalesce(1).write().mode(SaveMode.Overwrite);
        spark(() -> {
            if (name.endsWith(".csv")) {
                writer.option("header", true).csv(Storage.qualified(parts));
            } else {
                writer.parquet(Storage.qualified(parts));
            }
            return null;
        });
        try {
            Path part = Storage.list(parts).stream().filter(f -> f.getName().startsWith("part-")).findFirst()
                    .orElseThrow();
            // counted from the file written, not by running the query again
            long count = name.endsWith(".csv")
                    ? spark.read().option("header", true).option("multiLine", true).csv(Storage.qualified(part)).count()
                    : ParquetDatasetReader.rows(parts);
            Folders.replace(part, file);
            return count;
        } finally {
            Folders.delete(parts);
        }
    }

    /**
     * Reads statements, each ended by {@code ;}, from {@code terminal} with a line editor and a history kept in
     * {@code history}, and prints each one's rows or why Spark refused it; ends at {@code quit;} or end of input.
     */
    public void shell(Terminal terminal, java.nio.file.Path history, PrintStream out) throws IOException {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).variable(LineReader.HISTORY_FILE, history)
                .build();
        out.println("tables: " + String.join(", ", tables) + "; each statement ends with ';', quit; ends");
        StringBuilder statement = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine(statement.isEmpty() ? "aa> " : "  > ");
            } catch (UserInterruptException e) {
                statement.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                reader.getHistory().save();
                return;
            }
            statement.append(line).append('\n');
            String text = statement.toString().strip();
            if (!text.endsWith(";")) {
                continue;
            }
            statement.setLength(0);
            String query = text.substring(0, text.length() - 1).strip();
            if (query.equalsIgnoreCase("quit") || query.equalsIgnoreCase("exit")) {
                reader.getHistory().save();
                return;
            }
            try {
                print(query, out);
            } catch (Refused e) {
                out.println(e.getMessage());
            }
        }
    }

    private Dataset<Row> run(String query) {
        return spark(() -> spark.sql(query));
    }

    /** What Spark does, or why it refused: a query that does not parse, names no table, or fails on a value. */
    private static <T> T spark(Supplier<T> work) {
        try {
            return work.get();
        } catch (Exception e) {
            // Spark throws its AnalysisException, a checked exception, unchecked
            if (e instanceof SparkThrowable) {
                throw new Refused(e.getMessage(), e);
            }
            throw e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
        }
    }
}
