package kr.aa.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes rows of a dataset to one Parquet file with parquet-hadoop, no Spark and no Hadoop file system.
 * The Parquet schema is built from the dataset's contract ({@link DatasetSchema}); its partition columns
 * live in the folder name, not in the file. Rows are written in the order given and the footer's encodings
 * sorted ({@link ParquetFooters}), so the same rows give the same bytes.
 */
public final class ParquetDatasetWriter implements AutoCloseable {

    private final DatasetSchema schema;
    private final Path file;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;

    /** The name of the one file of a dataset's folder (or of a year's partition of it). */
    public static final String PART = "part-00000.parquet";

    public ParquetDatasetWriter(DatasetSchema schema, Path file) {
        this.schema = schema;
        this.file = file;
        MessageType type = messageType(schema);
        this.groups = new SimpleGroupFactory(type);
        try {
            Files.createDirectories(file.getParent());
            this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration())
                    .withType(type)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static MessageType messageType(DatasetSchema schema) {
        var builder = Types.buildMessage();
        for (DatasetSchema.Column column : schema.columns()) {
            Type.Repetition repetition = column.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            builder.addField(switch (column.type()) {
                case "string" -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(column.name());
                case "int" -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
                case "long" -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
                case "boolean" -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(column.name());
                case "date" -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(column.name());
                default -> throw new IllegalArgumentException(
                        schema.dataset() + "." + column.name() + ": no Parquet mapping for " + column.type());
            });
        }
        return builder.named(schema.dataset());
    }

    /** Writes one row; values in the contract's column order, null for an empty nullable field. */
    public void write(List<?> values) {
        List<DatasetSchema.Column> columns = schema.columns();
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException(schema.dataset() + ": " + values.size() + " values for "
                    + columns.size() + " columns");
        }
        Group group = groups.newGroup();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            String name = columns.get(i).name();
            if (value == null) {
                if (!columns.get(i).nullable()) {
                    throw new IllegalArgumentException(schema.dataset() + "." + name + " may not be empty");
                }
            } else if (value instanceof String s) {
                group.add(name, s);
            } else if (value instanceof Integer n) {
                group.add(name, n);
            } else if (value instanceof Long n) {
                group.add(name, n);
            } else if (value instanceof Boolean b) {
                group.add(name, b);
            } else if (value instanceof LocalDate date) {
                group.add(name, Math.toIntExact(date.toEpochDay()));
            } else {
                throw new IllegalArgumentException(schema.dataset() + "." + name + ": "
                        + value.getClass().getSimpleName() + " is not a column value");
            }
        }
        try {
            writer.write(group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
            ParquetFooters.sortEncodings(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
