package kr.aa.whatif;

import static kr.aa.report.Html.read;
import static kr.aa.report.Html.render;
import static kr.aa.report.Html.save;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.aa.io.CsvTable;
import kr.aa.report.Korean;
import org.apache.hadoop.fs.Path;

/**
 * The page of a what-if, {@code index.html}, in Korean as the annual report is, every figure from its three CSVs:
 * the totals under each scenario with a bar chart of the units notified, each comparison group under each
 * scenario, and each unit whose outcome changes.
 */
final class WhatIfPage {

    private static final Map<String, String> OUTCOMES = Map.of("NEWLY_NOTIFIED", "새로 통지", "NO_LONGER_NOTIFIED",
            "통지 제외", "CRITERION_CHANGED", "미달 기준 변경");
    private static final Map<String, String> CRITERIA = Map.of("FEMALE", "여성 근로자 비율", "MANAGER", "여성 관리자 비율",
            "BOTH", "둘 다");
    private static final int CHART_WIDTH = 600;
    private static final int BAR_HEIGHT = 22;
    private static final int LABELS = 260;

    private WhatIfPage() {
    }

    /** Writes {@code dir/index.html} of the what-if {@code name} of {@code year} from the CSVs of {@code dir}. */
    static void write(Path dir, int year, String name) {
        List<CsvTable.Row> totals = read(dir, "totals.csv");
        long most = Math.max(1, totals.stream().mapToLong(t -> Long.parseLong(t.get("notified_units"))).max().orElse(1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < totals.size(); i++) {
            CsvTable.Row total = totals.get(i);
            double width = (CHART_WIDTH - LABELS - 60) * Long.parseLong(total.get("notified_units")) / (double) most;
            rows.add(Map.of("scenario", total.get("scenario"), "notified_units", Korean.number(total.get("notified_units")),
                    "notified_employers", Korean.number(total.get("notified_employers")),
                    "fine_cases", Korean.number(total.get("fine_cases")),
                    "naming_candidates", Korean.number(total.get("naming_candidates")),
                    "y", i * BAR_HEIGHT + 4, "text_y", i * BAR_HEIGHT + 17, "left", LABELS,
                    "width", String.format(Locale.ROOT, "%.1f", width),
                    "end", String.format(Locale.ROOT, "%.1f", LABELS + width + 4)));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (CsvTable.Row group : read(dir, "groups.csv")) {
            Map<String, Object> line = new HashMap<>();
            line.put("group", group.get("industry_group") + " / " + group.get("size_class"));
            line.put("scenario", group.get("scenario"));
            line.put("units", Korean.number(group.get("units")));
            for (String ratio : List.of("avg_female_ratio", "standard_female_ratio", "avg_manager_female_ratio",
                    "standard_manager_female_ratio")) {
                line.put(ratio, Korean.percentOfFraction(group.get(ratio)));
            }
            line.put("notified_units", Korean.number(group.get("notified_units")));
            groups.add(line);
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (CsvTable.Row change : read(dir, "changes.csv")) {
            Map<String, Object> line = new HashMap<>();
            for (String field : List.of("scenario", "employer_id", "employer_name", "industry_group")) {
                line.put(field, change.get(field));
            }
            for (String ratio : List.of("female_ratio", "standard_female_ratio", "manager_female_ratio",
                    "standard_manager_female_ratio")) {
                line.put(ratio, Korean.percentOfFraction(change.get(ratio)));
            }
            line.put("published", CRITERIA.getOrDefault(change.get("published_selected_on"), "통지 안 함"));
            line.put("now", CRITERIA.getOrDefault(change.get("selected_on"), "통지 안 함"));
            line.put("outcome", OUTCOMES.get(change.get("outcome")));
            changes.add(line);
        }
        Map<String, Object> page = new HashMap<>();
        page.put("title", year + "년 정책 시뮬레이션: " + name);
        page.put("totals", rows);
        page.put("chart_height", totals.size() * BAR_HEIGHT + 8);
        page.put("chart_width", CHART_WIDTH);
        page.put("groups", groups);
        page.put("changes", changes);
        page.put("no_change", changes.isEmpty());
        save(new Path(dir, "index.html"), render("documents/whatif.html", page));
    }
}
