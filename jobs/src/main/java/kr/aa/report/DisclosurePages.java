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
import kr.aa.io.CsvTable;
import org.apache.hadoop.fs.Path;

/**
 * The pay disclosure a citizen reads: from the year's {@code pay_gap.csv}, {@code pay_indicators.csv} and
 * {@code pay_context.csv}, static pages under {@code pay/}: {@code index.html} and one page per employer,
 * in Korean, with tables and inline SVG bar charts, so that they work offline. Every figure is the CSV's
 * own text; a withheld figure is shown as withheld with the reason, and never drawn. The pages are the
 * templates of {@code reports/pay/}, which hold the markup; this class gives them the CSVs' figures.
 */
public final class DisclosurePages {

    private static final Map<String, String> BREAKDOWNS = Map.of("ALL", "전체", "LEVEL", "직급별", "JOB_TYPE",
            "직종별", "TENURE", "재직년수별", "EMPLOYMENT_TYPE", "고용형태별", "COMPONENT", "임금 구성항목별");
    private static final List<String> BREAKDOWN_ORDER = List.of("ALL", "LEVEL", "JOB_TYPE", "TENURE",
            "EMPLOYMENT_TYPE", "COMPONENT");
    private static final Map<String, String> CATEGORIES = Map.ofEntries(Map.entry("ALL", "전체"),
            Map.entry("I", "I 임원급 이상"), Map.entry("II", "II 과장급 이상"), Map.entry("III", "III 비관리직"),
            Map.entry("0", "관리직"), Map.entry("1", "전문직"), Map.entry("2", "준전문직"), Map.entry("3", "사무직"),
            Map.entry("4", "서비스직"), Map.entry("5", "판매직"), Map.entry("6", "숙련직"), Map.entry("7", "기능원"),
            Map.entry("8", "조립원"), Map.entry("9", "단순노무"), Map.entry("REGULAR", "정규직"),
            Map.entry("OPEN_ENDED", "무기계약직"), Map.entry("FIXED_TERM", "기간제"), Map.entry("PART_TIME", "단시간"),
            Map.entry("OTHER", "기타"), Map.entry("base_pay", "기본급"), Map.entry("allowances", "수당"),
            Map.entry("performance_pay", "성과급"), Map.entry("other_pay", "기타 임금"));
    private static final int BAR_WIDTH = 240;
    private static final int BAR_HEIGHT = 18;
    private static final int LABEL_WIDTH = 130;

    private DisclosurePages() {
    }

    public static void write(Path reportsYearDir, int suppressionMinimum) {
        List<CsvTable.Row> indicators = read(reportsYearDir, "pay_indicators.csv");
        Map<String, CsvTable.Row> context = new LinkedHashMap<>();
        read(reportsYearDir, "pay_context.csv").forEach(row -> context.put(row.get("employer_id"), row));
        Map<String, List<CsvTable.Row>> gaps = new LinkedHashMap<>();
        read(reportsYearDir, "pay_gap.csv").forEach(row ->
                gaps.computeIfAbsent(row.get("employer_id"), id -> new ArrayList<>()).add(row));
        Path pages = new Path(reportsYearDir, "pay");
        String year = indicators.isEmpty() ? "" : indicators.get(0).get("reporting_year");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CsvTable.Row employer : indicators) {
            String id = employer.get("employer_id");
            rows.add(Map.of("employer_id", id, "employer_name", employer.get("employer_name"),
                    "men", Korean.number(employer.get("men")), "women", Korean.number(employer.get("women")),
                    "median_gap", gap(employer.get("median_gap_pct")), "mean_gap", gap(employer.get("mean_gap_pct"))));
            CsvTable.Row people = context.get(id);
            String senior = people.get("women_in_levels_i_ii_pct");
            Map<String, Object> page = new HashMap<>(Map.of("name", employer.get("employer_name"), "year", year,
                    "men", Korean.number(people.get("men")), "women", Korean.number(people.get("women")),
                    "tenure_men", figure(people.get("avg_tenure_men")),
                    "tenure_women", figure(people.get("avg_tenure_women")),
                    "female_pct", people.get("female_pct"),
                    "senior_women", senior.isEmpty() ? false : Map.of("value", senior),
                    "suppressed", employer.get("suppressed").equals("true"),
                    "breakdowns", breakdowns(gaps.getOrDefault(id, List.of()))));
            page.putAll(indicators(employer));
            save(new Path(pages, id + ".html"), page(employer.get("employer_name") + " 성별임금격차 공시 (" + year + ")",
                    "employer", page, suppressionMinimum));
        }
        save(new Path(pages, "index.html"), page(year + "년 성별임금격차 공시", "index",
                Map.of("year", year, "employers", indicators.size(), "rows", rows), suppressionMinimum));
    }

    /** The indicators of an employer's page: its gaps, shares of variable pay and the women in each quartile. */
    private static Map<String, Object> indicators(CsvTable.Row employer) {
        List<String[]> quartiles = new ArrayList<>();
        String[] names = {"Q1 (하위)", "Q2", "Q3", "Q4 (상위)"};
        for (int q = 1; q <= 4; q++) {
            quartiles.add(new String[] {names[q - 1], employer.get("q" + q + "_women_pct")});
        }
        return Map.of("mean_gap", gap(employer.get("mean_gap_pct")), "median_gap", gap(employer.get("median_gap_pct")),
                "variable_mean_gap", gap(employer.get("variable_mean_gap_pct")),
                "variable_median_gap", gap(employer.get("variable_median_gap_pct")),
                "men_receiving_variable", figure(employer.get("men_receiving_variable_pct")),
                "women_receiving_variable", figure(employer.get("women_receiving_variable_pct")),
                "quartiles", chart(quartiles, false));
    }

    /** One table and chart per breakdown the employer has rows of, in the order of the disclosure. */
    private static List<Map<String, Object>> breakdowns(List<CsvTable.Row> gaps) {
        List<Map<String, Object>> breakdowns = new ArrayList<>();
        for (String breakdown : BREAKDOWN_ORDER) {
            List<CsvTable.Row> rows = gaps.stream().filter(r -> r.get("breakdown").equals(breakdown)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> lines = new ArrayList<>();
            List<String[]> chart = new ArrayList<>();
            for (CsvTable.Row row : rows) {
                String category = CATEGORIES.getOrDefault(row.get("category"), row.get("category")
                        + (breakdown.equals("TENURE") ? "년" : ""));
                lines.add(Map.of("category", category, "men", Korean.number(row.get("men")),
                        "women", Korean.number(row.get("women")),
                        "median_pay_men", figure(Korean.won(row.get("median_pay_men"))),
                        "median_pay_women", figure(Korean.won(row.get("median_pay_women"))),
                        "median_gap", gap(row.get("median_gap_pct")),
                        "mean_pay_men", figure(Korean.won(row.get("mean_pay_men"))),
                        "mean_pay_women", figure(Korean.won(row.get("mean_pay_women"))),
                        "mean_gap", gap(row.get("mean_gap_pct"))));
                chart.add(new String[] {category, row.get("median_gap_pct")});
            }
            breakdowns.add(Map.of("title", BREAKDOWNS.get(breakdown), "rows", lines, "chart", chart(chart, true)));
        }
        return breakdowns;
    }

    /**
     * A horizontal bar chart of percentages, drawn as inline SVG by {@code reports/pay/chart.html}: from a middle
     * axis when the values can be negative (a gap), from the left otherwise. A withheld value gets no bar, only
     * the word.
     */
    private static Map<String, Object> chart(List<String[]> values, boolean signed) {
        int height = values.size() * (BAR_HEIGHT + 6) + 6;
        int axis = LABEL_WIDTH + (signed ? BAR_WIDTH / 2 : 0);
        double max = values.stream().filter(v -> !v[1].isEmpty())
                .mapToDouble(v -> Math.abs(new BigDecimal(v[1]).doubleValue())).max().orElse(0);
        double scale = max == 0 ? 0 : (signed ? BAR_WIDTH / 2.0 : BAR_WIDTH) / Math.max(max, signed ? 1 : 100);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int y = 6 + i * (BAR_HEIGHT + 6);
            String value = values.get(i)[1];
            Map<String, Object> bar = new HashMap<>(Map.of("label", values.get(i)[0], "text_y", y + 13,
                    "withheld", value.isEmpty(), "withheld_x", axis + 4));
            if (!value.isEmpty()) {
                double length = Math.abs(new BigDecimal(value).doubleValue()) * scale;
                boolean womenMore = value.startsWith("-");
                bar.putAll(Map.of("x", decimal(womenMore ? axis - length : axis), "y", y, "length", decimal(length),
                        "bar_height", BAR_HEIGHT, "fill", womenMore ? "#d2691e" : "#4682b4",
                        "value_x", LABEL_WIDTH + BAR_WIDTH + 4, "value", value));
            }
            bars.add(bar);
        }
        return Map.of("width", LABEL_WIDTH + BAR_WIDTH + 90, "height", height, "axis", axis, "bars", bars);
    }

    private static String decimal(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }

    /** A gap of the CSV for {@code reports/pay/gap.html}: withheld where empty; a negative one says women get more. */
    private static Map<String, Object> gap(String value) {
        return Map.of("withheld", value.isEmpty(), "value", value,
                "women_more", value.startsWith("-") ? value.substring(1) : false);
    }

    /** A figure of the CSV for {@code reports/pay/figure.html}: withheld where empty. */
    private static Map<String, Object> figure(String value) {
        return Map.of("withheld", value.isEmpty(), "value", value);
    }

    private static String page(String title, String kind, Map<String, Object> content, int suppressionMinimum) {
        return render("pay/page.html", Map.of("title", title, "index", kind.equals("index") ? content : false,
                "employer", kind.equals("employer") ? content : false, "minimum", suppressionMinimum));
    }
}
