package kr.aa.report;

import static kr.aa.report.Html.fields;
import static kr.aa.report.Html.read;
import static kr.aa.report.Html.render;
import static kr.aa.report.Html.save;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.aa.io.CsvTable;
import org.apache.hadoop.fs.Path;

/**
 * The press list as a printable Korean page, {@code press_list.html} beside {@code press_list.csv}: one
 * block per published unit holding exactly the CSV's fields (Decree Art. 7(3) and the publication period),
 * ratios shown as exact percentages of the CSV's fractions. The page is the template
 * {@code reports/press/press_list.html}.
 */
public final class PressListPage {

    private PressListPage() {
    }

    public static void write(Path reportsYearDir, int reportingYear, BigDecimal factor) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (CsvTable.Row unit : read(reportsYearDir, "press_list.csv")) {
            Map<String, Object> entry = fields(unit);
            entry.put("has_corporation", !unit.get("corporation_name").isEmpty());
            for (String ratio : List.of("female", "standard_female", "manager_female", "standard_manager_female")) {
                entry.put(ratio + "_pct", percent(unit.get(ratio + "_ratio")));
            }
            entries.add(entry);
        }
        save(new Path(reportsYearDir, "press_list.html"), render("press/press_list.html", Map.of(
                "year", reportingYear, "count", entries.size(), "entries", entries, "factor", factor.toPlainString())));
    }

    /** A ratio of the CSV (a fraction with 6 decimals) as the same number in percent, or "해당 없음" where empty. */
    private static String percent(String ratio) {
        return ratio.isEmpty() ? "해당 없음" : new BigDecimal(ratio).movePointRight(2).toPlainString() + "%";
    }
}
