package kr.aa.ingest;

import java.nio.file.Path;
import kr.aa.csv.CsvTable;
import kr.aa.schema.DatasetSchema;

/** The submission bundle of one reporting year: a folder of CSV files named by the input contracts. */
public record Bundle(Path dir, int reportingYear) {

    public static final String EMPLOYERS = "employers";
    public static final String WORKPLACES = "workplaces";
    public static final String MONTHLY_WORKFORCE = "monthly_workforce";
    public static final String HEADCOUNT_HEADERS = "headcount_headers";
    public static final String HEADCOUNTS = "headcounts";
    public static final String PAYROLL = "payroll";

    /** Opens one of the bundle's files, checking its header against {@code schemas/input/<dataset>.json}. */
    public CsvTable open(String dataset) {
        DatasetSchema schema = DatasetSchema.load("input", dataset);
        return CsvTable.open(dir, fileOf(dataset), schema.columnNames());
    }

    /** Whether the bundle has an optional file. */
    public boolean has(String dataset) {
        return java.nio.file.Files.exists(dir.resolve(fileOf(dataset)));
    }

    public static String fileOf(String dataset) {
        return dataset + ".csv";
    }
}
