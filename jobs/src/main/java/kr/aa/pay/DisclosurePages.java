package kr.aa.pay;

import static kr.aa.report.Html.escape;
import static kr.aa.report.Html.fill;
import static kr.aa.report.Html.read;
import static kr.aa.report.Html.save;
import static kr.aa.report.Html.template;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.aa.csv.CsvTable;

/**
 * The pay disclosure a citizen reads: from the year's {@code pay_gap.csv}, {@code pay_indicators.csv} and
 * {@code pay_context.csv}, static pages under {@code pay/}: {@code index.html} and one page per employer,
 * in Korean, with tables and inline SVG bar charts, so that they work offline. Every figure is the CSV's
 * own text; a withheld figure is shown as withheld with the reason, and never drawn. Page skeletons are the
 * templates of {@code reports/pay/}.
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
    private static final String WITHHELD = "<span class=\"withheld\">비공개</span>";
    private static final int BAR_WIDTH = 240;
    private static final int BAR_HEIGHT = 18;

    private DisclosurePages() {
    }

    public static void write(Path reportsYearDir, int suppressionMinimum) {
        List<CsvTable.Row> indicators = read(reportsYearDir, "pay_indicators.csv");
        Map<String, CsvTable.Row> context = new LinkedHashMap<>();
        read(reportsYearDir, "pay_context.csv").forEach(row -> context.put(row.get("employer_id"), row));
        Map<String, List<CsvTable.Row>> gaps = new LinkedHashMap<>();
        read(reportsYearDir, "pay_gap.csv").forEach(row ->
                gaps.computeIfAbsent(row.get("employer_id"), id -> new ArrayList<>()).add(row));
        Path pages = reportsYearDir.resolve("pay");
        String year = indicators.isEmpty() ? "" : indicators.get(0).get("reporting_year");
        StringBuilder rows = new StringBuilder();
        for (CsvTable.Row employer : indicators) {
            String id = employer.get("employer_id");
            rows.append(row(link(id, employer.get("employer_name")), text(employer.get("men")),
                    text(employer.get("women")), gap(employer.get("median_gap_pct")), gap(employer.get("mean_gap_pct"))));
            String body = fill(template("pay/employer.html"), Map.of(
                    "name", escape(employer.get("employer_name")), "year", escape(year),
                    "men", text(context.get(id).get("men")), "women", text(context.get(id).get("women")),
                    "tenure_men", figure(context.get(id).get("avg_tenure_men")),
                    "tenure_women", figure(context.get(id).get("avg_tenure_women")),
                    "female_pct", context.get(id).get("female_pct") + "%",
                    "senior_women_pct", context.get(id).get("women_in_levels_i_ii_pct").isEmpty()
                            ? "해당 없음(I·II 직급 인원 없음)" : context.get(id).get("women_in_levels_i_ii_pct") + "%",
                    "indicators", indicators(employer),
                    "breakdowns", breakdowns(gaps.getOrDefault(id, List.of()))));
            save(pages.resolve(id + ".html"), page(employer.get("employer_name") + " 성별임금격차 공시 (" + year + ")",
                    body, suppressionMinimum));
        }
        String index = fill(template("pay/index.html"), Map.of("year", escape(year),
                "employers", Integer.toString(indicators.size()), "rows", rows.toString()));
        save(pages.resolve("index.html"), page(year + "년 성별임금격차 공시", index, suppressionMinimum));
    }

    private static String indicators(CsvTable.Row employer) {
        if (employer.get("suppressed").equals("true")) {
            return "<p>" + WITHHELD + ": 남성 또는 여성이 최소 인원 미만이어서 임금 지표를 공개하지 않습니다.</p>";
        }
        String table = "<table><tr><th>지표</th><th>값</th></tr>"
                + row("평균 임금격차(%)", gap(employer.get("mean_gap_pct")))
                + row("중위 임금격차(%)", gap(employer.get("median_gap_pct")))
                + row("변동급 평균 격차(%)", gap(employer.get("variable_mean_gap_pct")))
                + row("변동급 중위 격차(%)", gap(employer.get("variable_median_gap_pct")))
                + row("변동급 수령 비율 남성(%)", figure(employer.get("men_receiving_variable_pct")))
                + row("변동급 수령 비율 여성(%)", figure(employer.get("women_receiving_variable_pct")))
                + "</table>";
        List<String[]> quartiles = new ArrayList<>();
        String[] names = {"Q1 (하위)", "Q2", "Q3", "Q4 (상위)"};
        for (int q = 1; q <= 4; q++) {
            quartiles.add(new String[] {names[q - 1], employer.get("q" + q + "_women_pct")});
        }
        return table + "<p>임금 4분위별 여성 비율(%)</p>" + bars(quartiles, false);
    }

    private static String breakdowns(List<CsvTable.Row> gaps) {
        StringBuilder html = new StringBuilder();
        for (String breakdown : BREAKDOWN_ORDER) {
            List<CsvTable.Row> rows = gaps.stream().filter(r -> r.get("breakdown").equals(breakdown)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            html.append("<h2>").append(BREAKDOWNS.get(breakdown)).append(" 임금격차</h2>\n<table><tr><th>구분</th>")
                    .append("<th>남성(명)</th><th>여성(명)</th><th>중위임금 남성(원)</th><th>중위임금 여성(원)</th>")
                    .append("<th>중위 격차(%)</th><th>평균임금 남성(원)</th><th>평균임금 여성(원)</th><th>평균 격차(%)</th></tr>\n");
            List<String[]> chart = new ArrayList<>();
            for (CsvTable.Row row : rows) {
                String category = escape(CATEGORIES.getOrDefault(row.get("category"), row.get("category")
                        + (breakdown.equals("TENURE") ? "년" : "")));
                html.append(row(category, text(row.get("men")), text(row.get("women")),
                        figure(row.get("median_pay_men")), figure(row.get("median_pay_women")),
                        gap(row.get("median_gap_pct")), figure(row.get("mean_pay_men")),
                        figure(row.get("mean_pay_women")), gap(row.get("mean_gap_pct"))));
                chart.add(new String[] {category, row.get("median_gap_pct")});
            }
            html.append("</table>\n<p>중위 임금격차(%): 막대가 오른쪽이면 남성이, 왼쪽이면 여성이 더 받습니다.</p>\n")
                    .append(bars(chart, true));
        }
        return html.toString();
    }

    /**
     * A horizontal bar chart of percentages as inline SVG: from a middle axis when the values can be
     * negative (a gap), from the left otherwise. A withheld value gets no bar, only the word.
     */
    private static String bars(List<String[]> values, boolean signed) {
        int labelWidth = 130;
        int height = values.size() * (BAR_HEIGHT + 6) + 6;
        int axis = labelWidth + (signed ? BAR_WIDTH / 2 : 0);
        double max = values.stream().filter(v -> !v[1].isEmpty())
                .mapToDouble(v -> Math.abs(new BigDecimal(v[1]).doubleValue())).max().orElse(0);
        double scale = max == 0 ? 0 : (signed ? BAR_WIDTH / 2.0 : BAR_WIDTH) / Math.max(max, signed ? 1 : 100);
        StringBuilder svg = new StringBuilder("<svg role=\"img\" width=\"" + (labelWidth + BAR_WIDTH + 90)
                + "\" height=\"" + height + "\">");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                axis, axis, height));
        for (int i = 0; i < values.size(); i++) {
            int y = 6 + i * (BAR_HEIGHT + 6);
            String label = values.get(i)[0];
            String value = values.get(i)[1];
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 13, label));
            if (value.isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#777\">비공개</text>",
                        axis + 4, y + 13));
                continue;
            }
            double length = Math.abs(new BigDecimal(value).doubleValue()) * scale;
            boolean womenMore = value.startsWith("-");
            double x = womenMore ? axis - length : axis;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s%%</text>", x, y, length, BAR_HEIGHT,
                    womenMore ? "#d2691e" : "#4682b4", labelWidth + BAR_WIDTH + 4, y + 13, value));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String gap(String value) {
        if (value.isEmpty()) {
            return WITHHELD;
        }
        if (value.startsWith("-")) {
            return value + " <span class=\"women-more\">(여성이 " + value.substring(1) + "% 더 받음)</span>";
        }
        return value;
    }

    private static String figure(String value) {
        return value.isEmpty() ? WITHHELD : value;
    }

    private static String text(String value) {
        return escape(value);
    }

    private static String link(String employerId, String name) {
        return "<a href=\"" + escape(employerId) + ".html\">" + escape(name) + "</a>";
    }

    private static String row(String... cells) {
        return "<tr><td>" + String.join("</td><td>", cells) + "</td></tr>\n";
    }

    private static String page(String title, String body, int suppressionMinimum) {
        return fill(template("pay/page.html"), Map.of("title", escape(title), "body", body,
                "minimum", Integer.toString(suppressionMinimum)));
    }
}
