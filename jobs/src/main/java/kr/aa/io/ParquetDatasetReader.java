package kr.aa.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads the rows of one Parquet file of a dataset with parquet-hadoop, without Spark, from the run's file system
 * ({@link Storage}), in the
 * order they were written, each field as the text a report prints: a decimal in plain notation at its column's
 * scale, a date as {@code YYYY-MM-DD}, {@code true} or {@code false}, and null for an empty field.
 */
public final class ParquetDatasetReader {

    /** A plain configuration: Hadoop's would load its default settings for every footer read. */
    private static final ParquetReadOptions FOOTER = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();

    private ParquetDatasetReader() {
    }

    /** Gives {@code row} the named columns of each row of {@code file}, in order; returns the rows read. */
    public static long forEachRow(Path file, List<String> columns, Consumer<List<String>> row) {
        long rows = 0;
        try (ParquetReader<Group> reader = new GroupReader(input(file)).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                List<String> fields = new ArrayList<>(columns.size());
                for (String column : columns) {
                    fields.add(text(group, column));
                }
                row.accept(fields);
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    /** The rows of the Parquet files of a folder, counted from their footers. */
    public static long rows(Path folder) {
        try {
            long rows = 0;
            for (Path file : Storage.list(folder).stream().filter(f -> f.getName().endsWith(".parquet")).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(input(file), FOOTER)) {
                    rows += reader.getRecordCount();
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    private static InputFile input(Path file) throws IOException {
        return HadoopInputFile.fromPath(file, Storage.configuration());
    }

    private static String text(Group group, String column) {
        GroupType type = group.getType();
        if (group.getFieldRepetitionCount(column) == 0) {
            return null;
        }
        PrimitiveType field = type.getType(column).asPrimitiveType();
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            BigInteger unscaled = switch (field.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(group.getInteger(column, 0));
                case INT64 -> BigInteger.valueOf(group.getLong(column, 0));
                default -> new BigInteger(group.getBinary(column, 0).getBytes());
            };
            return new BigDecimal(unscaled, decimal.getScale()).toPlainString();
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(group.getInteger(column, 0)).toString();
        }
        return switch (field.getPrimitiveTypeName()) {
            case INT32 -> Integer.toString(group.getInteger(column, 0));
            case INT64 -> Long.toString(group.getLong(column, 0));
            case BOOLEAN -> Boolean.toString(group.getBoolean(column, 0));
            case BINARY -> group.getString(column, 0);
            default -> throw new IllegalStateException(column + ": no text for Parquet type " + field);
        };
    }

    /** parquet-hadoop's example reader of {@link Group}s, on a plain configuration. */
    private static final class GroupReader extends ParquetReader.Builder<Group> {

        GroupReader(InputFile file) {
            super(file, (ParquetConfiguration) new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
