package kr.aa.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads the rows of one Parquet file of a dataset with parquet-hadoop, no Spark and no Hadoop file system, in the
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
        try (ParquetReader<Group> reader = new GroupReader(new LocalInputFile(file)).build()) {
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
        try (Stream<Path> files = Files.list(folder)) {
            long rows = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), FOOTER)) {
                    rows += reader.getRecordCount();
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
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

    /** parquet-hadoop's example reader of {@link Group}s, on a local file and a plain configuration. */
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
