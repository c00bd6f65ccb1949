package kr.aa.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The researcher's data dictionary of the warehouse, {@code docs/warehouse.md}, written from the contracts in
 * {@code schemas/warehouse/}: each dataset's grain, partitioning, sort order and columns, with type, whether it may
 * be empty and what it means (the contract's own words, else the glossary's).
 */
public final class DataDictionary {

    private DataDictionary() {
    }

    /** The names of the warehouse's datasets, from the contracts on the class path, in alphabetical order. */
    public static List<String> warehouseDatasets() {
        try {
            URI folder = DataDictionary.class.getClassLoader().getResource("schemas/warehouse").toURI();
            if (!folder.getScheme().equals("jar")) {
                return names(Path.of(folder));
            }
            try (FileSystem jar = FileSystems.newFileSystem(folder, Map.of())) {
                return names(jar.getPath("/schemas/warehouse"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> contracts = Files.list(folder)) {
            return contracts.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length())).sorted().toList();
        }
    }

    /** The dictionary of the datasets named, in the order given, as Markdown. */
    public static String markdown(List<String> datasets) {
        StringBuilder out = new StringBuilder("""
                # The warehouse, dataset by dataset

                Written from `schemas/warehouse/` (each column's meaning from its contract, else from `schemas/columns.json`);
                a test fails when this file differs from what the contracts give, or when a column has no meaning.
                Every dataset is Parquet under `<out>/warehouse/<dataset>/reporting_year=Y/part-00000.parquet`, so the
                partition folder supplies `reporting_year`; a rerun of a year replaces that year's folder only.
                """);
        for (String dataset : datasets) {
            DatasetSchema schema = DatasetSchema.load("warehouse", dataset);
            out.append("\n## `").append(dataset).append("`\n\n")
                    .append("One row per ")
                    .append(schema.grain().replaceFirst("^one row per ", "").replaceFirst("; sorted by .*$", ""))
                    .append(".\n\n")
                    .append("Partitioned by ").append(code(schema.partitionedBy()))
                    .append(schema.orderBy() == null || schema.orderBy().isEmpty() ? "" : "; sorted by "
                            + code(schema.orderBy()))
                    .append(".\n\n| column | type | empty | meaning |\n|---|---|---|---|\n");
            for (DatasetSchema.Column column : schema.columns()) {
                out.append("| `").append(column.name()).append("` | ").append(column.type()).append(" | ")
                        .append(column.nullable() ? "may be" : "never").append(" | ")
                        .append(column.description().replace("|", "\\|")).append(" |\n");
            }
        }
        return out.toString();
    }

    /** The datasets' columns that have no meaning, as {@code dataset.column}. */
    public static List<String> unexplained(List<String> datasets) {
        return datasets.stream().flatMap(dataset -> DatasetSchema.load("warehouse", dataset).columns().stream()
                .filter(column -> column.description().isBlank()).map(column -> dataset + "." + column.name()))
                .toList();
    }

    private static String code(List<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }
}
