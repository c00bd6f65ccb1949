package kr.aa.report;

import static kr.aa.report.Html.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.aa.io.CsvTable;
import kr.aa.io.CsvWriter;
import kr.aa.io.Storage;
import kr.aa.rules.IndustryClassification;
import kr.aa.run.Folders;
import org.apache.hadoop.fs.Path;

/**
 * The year's open data (docs/rules.md, "Open data"): extracts safe to publish, aggregates only, each from a report
 * CSV of the year, with the suppression rule applied to what a few units would give away, and a README that says
 * what each file and column is. Written into {@code dir}, which publishing moves to {@code <out>/open-data/Y/}.
 */
public final class OpenData {

    /** The figures of a category summed or averaged over its units: withheld below the minimum. */
    private static final List<String> CATEGORY_FIGURES = List.of("workers", "women", "female_ratio_mean",
            "female_ratio_pooled", "managers", "women_managers", "manager_female_ratio_mean",
            "manager_female_ratio_pooled");

    private OpenData() {
    }

    /**
     * Writes the open data of the report CSVs of {@code reportsYearDir} into {@code dir}: a group or category of
     * fewer than {@code minimum} units has its ratios and sums withheld (empty, {@code withheld} true), and so has its
     * manager figures one of fewer than {@code minimum} units with managers.
     */
    public static void write(Path reportsYearDir, Path dir, int reportingYear, int minimum) {
        Folders.delete(dir);
        Map<String, String> names = IndustryClassification.groupNames();
        try (CsvWriter out = new CsvWriter(new Path(dir, "comparison_groups.csv"), List.of("reporting_year",
                "industry_group", "industry_name", "size_class", "units", "avg_female_ratio", "standard_female_ratio",
                "units_with_managers", "avg_manager_female_ratio", "standard_manager_female_ratio", "notified_units",
                "withheld"))) {
            for (CsvTable.Row group : read(reportsYearDir, "benchmarks.csv")) {
                boolean few = Long.parseLong(group.get("units")) < minimum;
                boolean fewManagers = Long.parseLong(group.get("units_with_managers")) < minimum;
                out.row(reportingYear, group.get("industry_group"), names.get(group.get("industry_group")),
                        group.get("size_class"), group.get("units"), shown(group, "avg_female_ratio", few),
                        shown(group, "standard_female_ratio", few), group.get("units_with_managers"),
                        shown(group, "avg_manager_female_ratio", few || fewManagers),
                        shown(group, "standard_manager_female_ratio", few || fewManagers), group.get("selected_units"),
                        few || fewManagers);
            }
        }
        List<String> columns = new ArrayList<>(List.of("reporting_year", "breakdown", "category", "employers",
                "units"));
        columns.addAll(CATEGORY_FIGURES);
        columns.addAll(List.of("units_with_managers", "notified_units", "withheld"));
        try (CsvWriter out = new CsvWriter(new Path(dir, "national_statistics.csv"), columns)) {
            for (CsvTable.Row row : read(reportsYearDir, "national_statistics.csv")) {
                boolean counted = row.get("breakdown").equals("COUNT");
                boolean few = !counted && Long.parseLong(row.get("units")) < minimum;
                boolean fewManagers = !counted && Long.parseLong(row.get("units_with_managers")) < minimum;
                List<Object> fields = new ArrayList<>(List.of(reportingYear, row.get("breakdown"), row.get("category"),
                        row.get("employers"), row.get("units")));
                for (String figure : CATEGORY_FIGURES) {
                    fields.add(shown(row, figure, few || figure.contains("manager") && fewManagers));
                }
                fields.addAll(List.of(row.get("units_with_managers"), row.get("notified_units"), few || fewManagers));
                out.row(fields);
            }
        }
        // as the pay disclosure publishes them: the figures of an employer below the minimum are already empty
        Storage.copy(new Path(reportsYearDir, "pay_indicators.csv"), new Path(dir, "pay_gap_by_employer.csv"));
        Storage.writeString(new Path(dir, "README.md"), Html.render("open-data/README.md",
                Map.of("year", reportingYear, "minimum", minimum)));
    }

    private static String shown(CsvTable.Row row, String column, boolean withheld) {
        return withheld ? "" : row.get(column);
    }
}
