package kr.aa.ingest;

import kr.aa.io.CsvTable;
import kr.aa.io.DatasetSchema;
import kr.aa.io.RecordTable;
import kr.aa.io.Storage;
import org.apache.hadoop.fs.Path;

/**
 * The submission bundle of one reporting year: a folder of CSV files named by the input contracts, or a
 * database, given by its JDBC URL, holding tables of the same names and columns (data contract, "Input").
 */
public record Bundle(String location, int reportingYear) {

    public static final String EMPLOYERS = "employers";
    public static final String WORKPLACES = "workplaces";
    public static final String MONTHLY_WORKFORCE = "monthly_workforce";
    public static final String HEADCOUNT_HEADERS = "headcount_headers";
    public static final String HEADCOUNTS = "headcounts";
    public static final String PAYROLL = "payroll";

    public boolean inDatabase() {
        return location.startsWith("jdbc:");
    }

    public Path dir() {
        return Storage.location(location);
    }

    /** Opens one of the bundle's tables, checking its columns against {@code schemas/input/<dataset>.json}. */
    public RecordTable open(String dataset) {
        DatasetSchema schema = DatasetSchema.load("input", dataset);
        return inDatabase() ? DatabaseTable.open(location, dataset, schema.columnNames())
                : CsvTable.open(dir(), fileOf(dataset), schema.columnNames());
    }

    /** Whether the bundle has an optional table. */
    public boolean has(String dataset) {
        return inDatabase() ? DatabaseTable.exists(location, dataset) : Storage.exists(new Path(dir(),
                fileOf(dataset)));
    }

    public static String fileOf(String dataset) {
        return dataset + ".csv";
    }
}
