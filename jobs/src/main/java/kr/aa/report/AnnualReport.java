package kr.aa.report;

import static kr.aa.report.Html.read;
import static kr.aa.report.Html.render;
import static kr.aa.report.Html.save;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import kr.aa.io.CsvTable;
import kr.aa.rules.IndustryClassification;
import kr.aa.rules.RuleVersion;
import org.apache.hadoop.fs.Path;

/**
 * The year's annual statistical report, {@code annual_report.html}: the national ratios overall, by kind of
 * employer, size class and industry group, what was counted, the trend over the ledger's years
 * ({@code national_statistics.csv}), the spread of the units' ratios in each comparison group with its standard
 * ({@code ratio_distribution.csv}, {@code benchmarks.csv}) and of the employers' median pay gaps
 * ({@code pay_gap_distribution.csv}). The charts are inline SVG drawn from the same rows; every number printed is the
 * CSVs' (docs/rules.md, "Annual statistical report").
 */
public final class AnnualReport {

    private static final Map<String, String> KINDS = Map.of("PRIVATE", "민간기업", "PUBLIC_INSTITUTION", "공공기관",
            "LOCAL_PUBLIC", "지방공기업");
    private static final Map<String, String> COUNTS = new LinkedHashMap<>();
    private static final int CHART_WIDTH = 600;
    private static final int CHART_HEIGHT = 160;
    private static final int MARGIN = 30;

    static {
        COUNTS.put("OBLIGED", "제출 의무 사업주");
        COUNTS.put("SUBMITTED", "현황을 제출한 의무 사업주 (승인된 현황표가 있는)");
        COUNTS.put("NOTIFIED", "여성 고용기준 미달 통지");
        COUNTS.put("FINE_CASES", "과태료 대상 (사업주, 사유 건)");
        COUNTS.put("NAMING_CANDIDATES", "명단공표 후보");
        COUNTS.put("PUBLISHED", "명단 공표 (사업장)");
    }

    private AnnualReport() {
    }

    public static void write(Path reportsYearDir, int reportingYear, RuleVersion rules) {
        Map<String, List<CsvTable.Row>> statistics = new LinkedHashMap<>();
        read(reportsYearDir, "national_statistics.csv").forEach(row ->
                statistics.computeIfAbsent(row.get("breakdown"), b -> new ArrayList<>()).add(row));
        Map<String, String> groups = IndustryClassification.groupNames();
        Map<String, String> sizes = Documents.sizeClassNames(rules);
        Map<String, Object> page = new HashMap<>();
        page.put("year", reportingYear);
        page.put("title", reportingYear + "년 적극적 고용개선조치 통계");
        page.put("overall", ratios(statistics.getOrDefault("ALL", List.of()), Map.of("ALL", "전체")));
        page.put("by_kind", Map.of("rows", ratios(statistics.getOrDefault("KIND", List.of()), KINDS)));
        Map<String, String> sizesOrUnknown = new HashMap<>(sizes);
        sizesOrUnknown.put("UNKNOWN", "규모 미상 (상시근로자 수를 알 수 없음)");
        page.put("by_size", Map.of("rows", ratios(statistics.getOrDefault("SIZE_CLASS", List.of()), sizesOrUnknown)));
        page.put("by_group", Map.of("rows", ratios(statistics.getOrDefault("INDUSTRY_GROUP", List.of()), groups)));
        List<Map<String, Object>> trend = ratios(statistics.getOrDefault("TREND", List.of()), Map.of());
        page.put("trend", trend);
        page.put("trend_chart", trendChart(statistics.getOrDefault("TREND", List.of())));
        List<Map<String, Object>> counts = new ArrayList<>();
        COUNTS.forEach((category, label) -> statistics.getOrDefault("COUNT", List.of()).stream()
                .filter(count -> count.get("category").equals(category))
                .forEach(count -> counts.add(Map.of("label", label, "employers",
                        dash(Korean.number(count.get("employers"))), "units", dash(Korean.number(count.get("units")))))));
        page.put("counts", counts);
        List<CsvTable.Row> benchmarks = read(reportsYearDir, "benchmarks.csv");
        page.put("distributions", distributions(reportsYearDir, benchmarks, groups, sizes));
        // a year without payroll has no employer in the pay indicators
        page.put("pay", read(reportsYearDir, "pay_indicators.csv").isEmpty() ? false
                : payGaps(read(reportsYearDir, "pay_gap_distribution.csv")));
        // every comparison group of a year has the same factor, the rule version's
        page.put("factor", benchmarks.isEmpty() ? false : Korean.plain(benchmarks.get(0).get("factor")));
        save(new Path(reportsYearDir, "annual_report.html"), render("documents/annual_report.html", page));
    }

    /** The rows of one table of ratios, each category under its Korean name. */
    private static List<Map<String, Object>> ratios(List<CsvTable.Row> rows, Map<String, String> names) {
        List<Map<String, Object>> table = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            Map<String, Object> line = new HashMap<>();
            line.put("label", names.getOrDefault(row.get("category"), row.get("category")));
            for (String count : List.of("employers", "units", "workers", "women", "units_with_managers", "managers",
                    "women_managers", "notified_units")) {
                line.put(count, Korean.number(row.get(count)));
            }
            for (String ratio : List.of("female_ratio_mean", "female_ratio_pooled", "manager_female_ratio_mean",
                    "manager_female_ratio_pooled")) {
                line.put(ratio, dash(Korean.percentOfFraction(row.get(ratio))));
            }
            table.add(line);
        }
        return table;
    }

    /** A formatted figure, or a dash where the CSV has none (a ratio of no unit, a count that does not apply). */
    private static String dash(String formatted) {
        return formatted.isEmpty() ? "–" : formatted;
    }

    /** The mean ratios of every year as two lines, each point labelled with its figure, up to a quarter above the top. */
    private static Map<String, Object> trendChart(List<CsvTable.Row> years) {
        double top = 1.25 * years.stream().flatMap(y -> Stream.of(y.get("female_ratio_mean"),
                y.get("manager_female_ratio_mean"))).filter(v -> !v.isEmpty()).mapToDouble(Double::parseDouble)
                .filter(max -> max > 0).max().orElse(0.8);
        List<Map<String, Object>> lines = new ArrayList<>();
        int step = years.size() > 1 ? (CHART_WIDTH - 2 * MARGIN) / (years.size() - 1) : 0;
        for (String[] series : List.of(new String[] {"female_ratio_mean", "#4682b4", "여성 근로자 비율"},
                new String[] {"manager_female_ratio_mean", "#d2691e", "여성 관리자 비율"})) {
            List<Map<String, Object>> points = new ArrayList<>();
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < years.size(); i++) {
                String value = years.get(i).get(series[0]);
                if (value.isEmpty()) {
                    continue;
                }
                double x = MARGIN + i * step;
                double y = CHART_HEIGHT - MARGIN - Double.parseDouble(value) / top * (CHART_HEIGHT - 2 * MARGIN);
                path.append(path.isEmpty() ? "" : " ").append(coordinate(x)).append(',').append(coordinate(y));
                points.add(Map.of("x", coordinate(x), "y", coordinate(y), "label_y", coordinate(y - 6),
                        "label", Korean.percentOfFraction(value)));
            }
            lines.add(Map.of("points", points, "path", path.toString(), "color", series[1], "name", series[2]));
        }
        List<Map<String, Object>> axis = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            axis.add(Map.of("x", coordinate(MARGIN + i * step), "year", years.get(i).get("category")));
        }
        return Map.of("width", CHART_WIDTH, "height", CHART_HEIGHT + 20, "lines", lines, "axis", axis,
                "axis_y", CHART_HEIGHT - MARGIN + 16, "base_y", CHART_HEIGHT - MARGIN, "right", CHART_WIDTH - MARGIN,
                "left", MARGIN);
    }

    /** A histogram of each comparison group's units by band of ratio, with the group's standard as a line. */
    private static List<Map<String, Object>> distributions(Path dir, List<CsvTable.Row> benchmarkRows,
            Map<String, String> groups, Map<String, String> sizes) {
        Map<String, CsvTable.Row> benchmarks = new HashMap<>();
        benchmarkRows.forEach(b -> benchmarks.put(b.get("industry_group") + "/" + b.get("size_class"), b));
        Map<String, List<CsvTable.Row>> bands = new LinkedHashMap<>();
        read(dir, "ratio_distribution.csv").forEach(row -> bands.computeIfAbsent(row.get("industry_group") + "/"
                + row.get("size_class") + "/" + row.get("ratio"), k -> new ArrayList<>()).add(row));
        List<Map<String, Object>> charts = new ArrayList<>();
        bands.forEach((key, rows) -> {
            String[] parts = key.split("/");
            CsvTable.Row benchmark = benchmarks.get(parts[0] + "/" + parts[1]);
            boolean female = parts[2].equals("FEMALE");
            String standard = benchmark == null ? ""
                    : benchmark.get(female ? "standard_female_ratio" : "standard_manager_female_ratio");
            charts.add(Map.of("title", groups.getOrDefault(parts[0], parts[0]) + " (" + parts[0] + "), "
                    + sizes.getOrDefault(parts[1], parts[1]) + ": " + (female ? "여성 근로자 비율" : "여성 관리자 비율"),
                    "chart", histogram(rows, "band_from", "units", standard)));
        });
        return charts;
    }

    /** Twenty bars of 5 points from 0 % to 100 %, a bar's height its count, and the standard as a red line. */
    private static Map<String, Object> histogram(List<CsvTable.Row> rows, String from, String count, String standard) {
        int width = CHART_WIDTH - 2 * MARGIN;
        double barWidth = width / 20.0;
        long max = rows.stream().mapToLong(r -> Long.parseLong(r.get(count))).max().orElse(1);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            double x = MARGIN + new BigDecimal(row.get(from)).doubleValue() * 20 * barWidth;
            double height = (CHART_HEIGHT - 2 * MARGIN) * Long.parseLong(row.get(count)) / (double) max;
            double y = CHART_HEIGHT - MARGIN - height;
            bars.add(Map.of("x", coordinate(x + 1), "y", coordinate(y), "width", coordinate(barWidth - 2),
                    "height", coordinate(height), "label", row.get(count), "label_x", coordinate(x + barWidth / 2),
                    "label_y", coordinate(y - 3)));
        }
        Map<String, Object> chart = new HashMap<>(Map.of("width", CHART_WIDTH, "height", CHART_HEIGHT + 20,
                "bars", bars, "base_y", CHART_HEIGHT - MARGIN, "left", MARGIN, "right", CHART_WIDTH - MARGIN,
                "axis_y", CHART_HEIGHT - MARGIN + 16, "middle", coordinate(MARGIN + width / 2.0), "top", MARGIN - 10));
        chart.put("standard", standard.isEmpty() ? false : Map.of("x",
                coordinate(MARGIN + new BigDecimal(standard).doubleValue() * width),
                "label", "기준 " + Korean.percentOfFraction(standard)));
        return chart;
    }

    /**
     * The employers by band of median pay gap, each bar at its band's place between the lowest and the highest band
     * (a band without an employer is a gap in the chart), and how many have their figures withheld or no median gap.
     */
    private static Map<String, Object> payGaps(List<CsvTable.Row> rows) {
        List<Map<String, Object>> bands = new ArrayList<>();
        String withheld = "0";
        String noGap = "0";
        List<CsvTable.Row> disclosed = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            if (row.get("withheld").equals("true")) {
                withheld = Korean.number(row.get("employers"));
            } else if (row.get("band_from_pct").isEmpty()) {
                noGap = Korean.number(row.get("employers"));
            } else {
                disclosed.add(row);
            }
        }
        if (!disclosed.isEmpty()) {
            BigDecimal lowest = new BigDecimal(disclosed.get(0).get("band_from_pct"));
            BigDecimal highest = new BigDecimal(disclosed.get(disclosed.size() - 1).get("band_from_pct"));
            int places = highest.subtract(lowest).intValueExact() / 5 + 1;
            double barWidth = (CHART_WIDTH - 2.0 * MARGIN) / places;
            long max = disclosed.stream().mapToLong(r -> Long.parseLong(r.get("employers"))).max().orElseThrow();
            for (CsvTable.Row row : disclosed) {
                BigDecimal from = new BigDecimal(row.get("band_from_pct"));
                double x = MARGIN + from.subtract(lowest).intValueExact() / 5 * barWidth;
                double height = (CHART_HEIGHT - 2 * MARGIN) * Long.parseLong(row.get("employers")) / (double) max;
                double y = CHART_HEIGHT - MARGIN - height;
                bands.add(Map.of("band", Korean.percent(row.get("band_from_pct")) + " ~ "
                                + Korean.percent(row.get("band_to_pct")),
                        "employers", Korean.number(row.get("employers")), "x", coordinate(x + 1), "y", coordinate(y),
                        "width", coordinate(Math.max(barWidth - 2, 1)), "height", coordinate(height),
                        "label_x", coordinate(x + barWidth / 2), "label_y", coordinate(y - 3),
                        "short", Korean.plain(row.get("band_from_pct"))));
            }
        }
        return Map.of("bands", bands, "withheld", withheld, "no_gap", noGap, "has_bands", !bands.isEmpty(),
                "width", CHART_WIDTH, "height", CHART_HEIGHT + 20, "base_y", CHART_HEIGHT - MARGIN,
                "axis_y", CHART_HEIGHT - MARGIN + 16, "left", MARGIN, "right", CHART_WIDTH - MARGIN);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
