package kr.aa.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * A contract declared as a projection of another ({@code projection_of}, {@code area/dataset}): its own
     * grain, and the names of the columns it takes, in its order. A report is a projection of its warehouse
     * dataset, the partition column (the reporting year) first.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Projection(String dataset, String area, String grain, @JsonProperty("projection_of") String projectionOf,
            List<String> columns) {
    }

    /**
     * The contract {@code schemas/<area>/<dataset>.json}, an empty description taken from the glossary; a
     * projection's columns, types and order are those of the dataset it projects.
     */
    public static DatasetSchema load(String area, String dataset) {
        String resource = "schemas/" + area + "/" + dataset + ".json";
        JsonNode contract = read(resource, JsonNode.class);
        DatasetSchema schema = contract.has("projection_of")
                ? project(as(contract, Projection.class, resource))
                : as(contract, DatasetSchema.class, resource);
        return new DatasetSchema(schema.dataset, schema.area, schema.grain, schema.partitionedBy, schema.orderBy,
                schema.columns.stream().map(c -> c.description() == null || c.description().isBlank()
                        ? new Column(c.name(), c.type(), c.nullable(), GLOSSARY.columns().getOrDefault(c.name(), ""),
                                c.acceptedValues())
                        : c).toList());
    }

    /** Whether {@code schemas/<area>/<dataset>.json} is on the class path. */
    public static boolean exists(String area, String dataset) {
        return DatasetSchema.class.getClassLoader().getResource("schemas/" + area + "/" + dataset + ".json") != null;
    }

    private static DatasetSchema project(Projection projection) {
        String[] source = projection.projectionOf().split("/", 2);
        DatasetSchema of = load(source[0], source[1]);
        List<Column> columns = projection.columns().stream().map(name -> of.partitionedBy().contains(name)
                ? new Column(name, "int", false, "", null)
                : of.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                        new IllegalStateException(projection.area() + "/" + projection.dataset() + " takes a column "
                                + name + " that " + projection.projectionOf() + " does not have")))
                .toList();
        return new DatasetSchema(projection.dataset(), projection.area(), projection.grain(), List.of(),
                of.orderBy(), columns);
    }

    private static <T> T as(JsonNode contract, Class<T> type, String resource) {
        try {
            return JSON.treeToValue(contract, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
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
