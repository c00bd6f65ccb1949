package kr.aa.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes rows of a dataset to one Parquet file with parquet-hadoop, without Spark, on the run's file system
 * ({@link Storage}).
 * The Parquet schema is built from the dataset's contract ({@link DatasetSchema}); its partition columns
 * live in the folder name, not in the file. A row's values go straight to Parquet's column writers, in the contract's
 * order. Rows are written in the order given and the footer's encodings sorted ({@link ParquetFooters}), so the same
 * rows give the same bytes.
 */
public final class ParquetDatasetWriter implements AutoCloseable {

    /** The name of the one file of a dataset's folder (or of a year's partition of it). */
    public static final String PART = "part-00000.parquet";

    /** The one file of a dataset's folder. */
    public static Path part(Path dataset) {
        return new Path(dataset, PART);
    }

    private final DatasetSchema schema;
    private final Path file;
    private final ParquetWriter<List<?>> writer;

    public ParquetDatasetWriter(DatasetSchema schema, Path file) {
        this.schema = schema;
        this.file = file;
        try {
            this.writer = new Builder(new StorageOutputFile(file), messageType(schema))
                    .withConf(new PlainParquetConfiguration())
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
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null ? !columns.get(i).nullable() : !(value instanceof String || value instanceof Integer
                    || value instanceof Long || value instanceof Boolean || value instanceof LocalDate)) {
                throw new IllegalArgumentException(schema.dataset() + "." + columns.get(i).name() + (value == null
                        ? " may not be empty" : ": " + value.getClass().getSimpleName() + " is not a column value"));
            }
        }
        try {
            writer.write(values);
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

    /** A file that {@link Storage} writes. */
    private record StorageOutputFile(Path file) implements OutputFile {

        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            return HadoopStreams.wrap(Storage.fs(file).create(file, true));
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return file.toString();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<List<?>, Builder> {

        private final MessageType type;

        Builder(OutputFile file, MessageType type) {
            super(file);
            this.type = type;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<List<?>> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(type);
        }

        @Override
        protected WriteSupport<List<?>> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(type);
        }
    }

    /** Hands a row's values, checked by {@link #write}, to the record consumer, a field per value that is not null. */
    private static final class RowWriteSupport extends WriteSupport<List<?>> {

        private final MessageType type;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType type) {
            this.type = type;
        }

        @Override
        public WriteContext init(Configuration conf) {
            return new WriteContext(type, Map.of());
        }

        @Override
        public WriteContext init(ParquetConfiguration conf) {
            return new WriteContext(type, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            consumer = recordConsumer;
        }

        @Override
        public void write(List<?> values) {
            consumer.startMessage();
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                String name = type.getFieldName(i);
                consumer.startField(name, i);
                if (value instanceof String s) {
                    // an array-backed binary, which the dictionary encoder compares and hashes fast
                    consumer.addBinary(Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8)));
                } else if (value instanceof Integer n) {
                    consumer.addInteger(n);
                } else if (value instanceof Long n) {
                    consumer.addLong(n);
                } else if (value instanceof Boolean b) {
                    consumer.addBoolean(b);
                } else {
                    consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
                }
                consumer.endField(name, i);
            }
            consumer.endMessage();
        }
    }
}
