package kr.aa.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The contract of one dataset, read from {@code schemas/<area>/<dataset>.json}: its grain, its partition
 * columns and its columns in order, with type, nullability and meaning (a column's own, else the glossary's). Readers check input headers against it,
 * writers build their Parquet schema and their SQL projection from it, so the files cannot drift from the code.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetSchema(
        String dataset,
        String area,
        String grain,
        @JsonProperty("partitioned_by") List<String> partitionedBy,
        @JsonProperty("order_by") List<String> orderBy,
        List<Column> columns) {

    /** A column; {@code acceptedValues}, where given, are all the codes it may hold. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type, boolean nullable, String description,
            @JsonProperty("accepted_values") List<String> acceptedValues) {

        /** The Spark SQL type this column is cast to. */
        public String sqlType() {
            return switch (type) {
                case "long" -> "bigint";
                default -> type;
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a column name means where a contract does not say: {@code schemas/columns.json}. */
    public record Glossary(String about, Map<String, String> columns) {

        public static Glossary load() {
            return read("schemas/columns.json", Glossary.class);
        }
    }

    private static final Glossary GLOSSARY = Glossary.load();

    /** The contract {@code schemas/<area>/<dataset>.json}, an empty description taken from the glossary. */
    public static DatasetSchema load(String area, String dataset) {
        DatasetSchema schema = read("schemas/" + area + "/" + dataset + ".json", DatasetSchema.class);
        return new DatasetSchema(schema.dataset, schema.area, schema.grain, schema.partitionedBy, schema.orderBy,
                schema.columns.stream().map(c -> c.description() == null || c.description().isBlank()
                        ? new Column(c.name(), c.type(), c.nullable(), GLOSSARY.columns().getOrDefault(c.name(), ""),
                                c.acceptedValues())
                        : c).toList());
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DatasetSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource + " on the class path");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** {@code CAST(c AS type) AS c} for each column in contract order: the select list that makes a view conform. */
    public String[] projection() {
        return columns.stream()
                .map(c -> "CAST(" + c.name() + " AS " + c.sqlType() + ") AS " + c.name())
                .toArray(String[]::new);
    }
}
