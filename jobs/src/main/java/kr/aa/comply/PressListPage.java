package kr.aa.comply;

import static kr.aa.report.Html.escape;
import static kr.aa.report.Html.fill;
import static kr.aa.report.Html.read;
import static kr.aa.report.Html.save;
import static kr.aa.report.Html.template;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.aa.csv.CsvTable;

/**
 * The press list as a printable Korean page, {@code press_list.html} beside {@code press_list.csv}: one
 * block per published unit holding exactly the CSV's fields (Decree Art. 7(3) and the publication period),
 * ratios shown as exact percentages of the CSV's fractions. The skeleton is {@code reports/press/press_list.html}.
 */
public final class PressListPage {

    private PressListPage() {
    }

    public static void write(Path reportsYearDir, int reportingYear, BigDecimal factor) {
        List<CsvTable.Row> units = read(reportsYearDir, "press_list.csv");
        StringBuilder entries = new StringBuilder();
        for (CsvTable.Row unit : units) {
            entries.append("<section class=\"entry\">\n<h2>").append(escape(unit.get("employer_name")))
                    .append("</h2>\n<table>\n");
            if (!unit.get("corporation_name").isEmpty()) {
                entries.append(row("법인명", unit.get("corporation_name")))
                        .append(row("법인 주소", unit.get("corporation_address")))
                        .append(row("대표자", unit.get("representative")));
            }
            entries.append(row("사업장명", unit.get("business_place_name")))
                    .append(row("사업장 주소", unit.get("business_place_address")))
                    .append(row("업종", unit.get("industry")))
                    .append(row("전체 근로자 수", unit.get("workers") + "명"))
                    .append(row("여성 근로자 수", unit.get("women") + "명"))
                    .append(row("여성 근로자 비율", percent(unit.get("female_ratio"))))
                    .append(row("업종 여성 고용기준", percent(unit.get("standard_female_ratio"))))
                    .append(row("전체 관리자 수", unit.get("managers") + "명"))
                    .append(row("여성 관리자 수", unit.get("women_managers") + "명"))
                    .append(row("여성 관리자 비율", percent(unit.get("manager_female_ratio"))))
                    .append(row("업종 여성 관리자 고용기준", percent(unit.get("standard_manager_female_ratio"))))
                    .append(row("공표 기간", unit.get("published_from") + " ~ " + unit.get("published_until")))
                    .append("</table>\n</section>\n");
        }
        save(reportsYearDir.resolve("press_list.html"), fill(template("press/press_list.html"), Map.of(
                "year", Integer.toString(reportingYear), "count", Integer.toString(units.size()),
                "entries", entries.toString(), "factor", factor.toPlainString())));
    }

    private static String row(String label, String value) {
        return "<tr><th>" + label + "</th><td>" + escape(value) + "</td></tr>\n";
    }

    /** A ratio of the CSV (a fraction with 6 decimals) as the same number in percent, or "해당 없음" where empty. */
    private static String percent(String ratio) {
        return ratio.isEmpty() ? "해당 없음" : new BigDecimal(ratio).movePointRight(2).toPlainString() + "%";
    }
}
