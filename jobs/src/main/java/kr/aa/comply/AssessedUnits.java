package kr.aa.comply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.aa.io.ParquetDatasetReader;
import kr.aa.io.ParquetDatasetWriter;
import org.apache.hadoop.fs.Path;

/**
 * A year's assessed units as the ledger keeps them, from the warehouse dataset {@code units} of a run: its one
 * Parquet file, read without Spark, so that a run restarted in {@code publish} starts no Spark session.
 */
public final class AssessedUnits {

    private static final List<String> COLUMNS = List.of("employer_id", "industry_group", "employer_name",
            "size_class", "workers", "women", "managers", "women_managers", "female_ratio", "manager_female_ratio",
            "standard_female_ratio", "standard_manager_female_ratio", "obligated", "notified", "selected_on",
            "rule_version", "run_id");

    private AssessedUnits() {
    }

    /** The units of {@code unitsDataset}, ordered by employer and industry group. */
    public static List<Ledger.Unit> read(Path unitsDataset, int reportingYear) {
        List<Ledger.Unit> units = new ArrayList<>();
        ParquetDatasetReader.forEachRow(ParquetDatasetWriter.part(unitsDataset), COLUMNS, u -> units.add(
                new Ledger.Unit(reportingYear, u.get(0), u.get(1), u.get(2), u.get(3), Long.parseLong(u.get(4)),
                        Long.parseLong(u.get(5)), Long.parseLong(u.get(6)), Long.parseLong(u.get(7)), decimal(u.get(8)),
                        decimal(u.get(9)), decimal(u.get(10)), decimal(u.get(11)), Boolean.parseBoolean(u.get(12)),
                        Boolean.parseBoolean(u.get(13)), u.get(14), u.get(15), u.get(16))));
        units.sort(Comparator.comparing(Ledger.Unit::employerId).thenComparing(Ledger.Unit::industryGroup));
        return units;
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
