package kr.aa.report;

import static kr.aa.report.Html.read;
import static kr.aa.report.Html.render;
import static kr.aa.report.Html.save;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.aa.io.CsvTable;
import kr.aa.io.Storage;
import kr.aa.rules.IndustryClassification;
import kr.aa.rules.RuleVersion;
import kr.aa.run.Folders;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents people act on, in Korean, made from the year's report CSVs (docs/rules.md, "Documents"): a
 * notification letter per notified unit ({@code letters/}), a rejection notice per employer with a rejected table
 * or payroll row ({@code notices/}), a fine pre-notice per non-submitter reason ({@code prenotices/}), each kind
 * also in one file for printing ({@code all.html}), the annual statistical report ({@link AnnualReport}) and the
 * year's index page. Every figure is the CSV's own,
 * only formatted ({@link Korean}); the templates of {@code reports/documents/} hold the markup and the wording.
 */
public final class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);
    /** The texts of {@code reports/documents/texts.json}: each rule's plain explanation and correction, each reason's. */
    private record Texts(Map<String, Explained> rules, Map<String, Explained> reasons) {
    }

    /** What a rule or reason means, what the employer does about it, and (for a reason) the Act's fine item. */
    private record Explained(String what, String todo, String basis) {
    }

    private static final Texts TEXTS = texts();
    /** An employer id that may name a file: the registry's form (anything else is data, never a path). */
    private static final Pattern REGISTERED_ID = Pattern.compile("\\d{3}-\\d{2}-\\d{5}");

    private Documents() {
    }

    private static Texts texts() {
        try (InputStream in = Documents.class.getResourceAsStream("/reports/documents/texts.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<Texts>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The explanation of a rejection rule or a fine reason; a code without one is an error of the texts. */
    private static Explained explained(Map<String, Explained> texts, String code) {
        Explained explained = texts.get(code);
        if (explained == null) {
            throw new IllegalStateException("reports/documents/texts.json explains no " + code);
        }
        return explained;
    }

    /**
     * Writes every document of the year from the CSVs of {@code reportsYearDir}, the annual report and the index;
     * the files for printing and the annual report also as PDF, in {@code font} (none: HTML only, the index says
     * why).
     */
    public static void write(Path reportsYearDir, int reportingYear, RuleVersion rules, Optional<Pdf.Font> font) {
        // a restarted step writes every document again, and leaves none of a run that was stopped
        for (String kind : List.of("letters", "notices", "prenotices")) {
            Folders.delete(new Path(reportsYearDir, kind));
        }
        AnnualReport.write(reportsYearDir, reportingYear, rules);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("year", reportingYear);
        index.put("title", reportingYear + "년 적극적 고용개선조치 문서");
        index.put("letters", letters(reportsYearDir, reportingYear, rules));
        index.put("notices", notices(reportsYearDir, reportingYear, rules));
        index.put("prenotices", prenotices(reportsYearDir, reportingYear));
        index.put("pay", Storage.exists(new Path(reportsYearDir, "pay/index.html")));
        index.put("press", Storage.exists(new Path(reportsYearDir, "press_list.html")));
        index.put("pdf", font.isPresent());
        font.ifPresent(f -> Stream.of("letters/all.html", "notices/all.html", "prenotices/all.html", "annual_report.html")
                .forEach(html -> {
                    String pdf = html.replaceFirst("\\.html$", ".pdf");
                    Pdf.write(new Path(reportsYearDir, html), new Path(reportsYearDir, pdf), f);
                    log.info("printed {}", pdf);
                }));
        save(new Path(reportsYearDir, "index.html"), render("documents/index.html", index));
    }

    /** A notification letter per row of {@code notifications.csv}, with its comparison group's size from benchmarks. */
    private static Map<String, Object> letters(Path dir, int year, RuleVersion rules) {
        Map<String, CsvTable.Row> groups = new HashMap<>();
        read(dir, "benchmarks.csv").forEach(g -> groups.put(g.get("industry_group") + "/" + g.get("size_class"), g));
        Map<String, String> groupNames = IndustryClassification.groupNames();
        Map<String, String> sizeNames = sizeClassNames(rules);
        List<Map<String, Object>> letters = new ArrayList<>();
        for (CsvTable.Row unit : read(dir, "notifications.csv")) {
            CsvTable.Row group = groups.get(unit.get("industry_group") + "/" + unit.get("size_class"));
            String selectedOn = unit.get("selected_on");
            Map<String, Object> letter = new HashMap<>();
            letter.put("file", unit.get("employer_id") + "-" + unit.get("industry_group") + ".html");
            letter.put("employer_id", unit.get("employer_id"));
            letter.put("employer_name", unit.get("employer_name"));
            letter.put("industry_group", unit.get("industry_group"));
            letter.put("industry", groupNames.getOrDefault(unit.get("industry_group"), unit.get("industry_group")));
            letter.put("size_class", sizeNames.getOrDefault(unit.get("size_class"), unit.get("size_class")));
            letter.put("workers", Korean.people(unit.get("workers")));
            letter.put("women", Korean.people(unit.get("women")));
            letter.put("managers", Korean.people(unit.get("managers")));
            letter.put("women_managers", Korean.people(unit.get("women_managers")));
            for (String ratio : List.of("female_ratio", "avg_female_ratio", "standard_female_ratio",
                    "manager_female_ratio", "avg_manager_female_ratio", "standard_manager_female_ratio",
                    "female_ratio_shortfall", "manager_female_ratio_shortfall")) {
                letter.put(ratio, orNone(Korean.percentOfFraction(unit.get(ratio))));
            }
            letter.put("units", Korean.number(group.get("units")));
            letter.put("units_with_managers", Korean.number(group.get("units_with_managers")));
            letter.put("on_female", !selectedOn.equals("MANAGER"));
            letter.put("on_manager", !selectedOn.equals("FEMALE"));
            letter.put("notify_by", unit.get("notify_by").isEmpty() ? false : Korean.date(unit.get("notify_by")));
            letter.put("plan_due", Korean.date(unit.get("plan_due")));
            letter.put("factor", Korean.plain(group.get("factor")));
            letter.put("pooled", group.get("average").equals("POOLED"));
            letter.put("year", year);
            letters.add(letter);
        }
        return printed(new Path(dir, "letters"), year + "년 여성 고용기준 미달 통지", "letter", letters,
                year + "년에는 여성 고용기준에 미달하여 통지할 사업장이 없습니다.");
    }

    /**
     * A rejection notice per employer with a rejected table ({@code rejections.csv}) or payroll row
     * ({@code payroll_rejections.csv}), in employer order; the payroll's rows are named by line and key, never by
     * pay (the CSV holds none).
     */
    private static Map<String, Object> notices(Path dir, int year, RuleVersion rules) {
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        List<CsvTable.Row> tableRejections = read(dir, "rejections.csv");
        for (CsvTable.Row rejection : tableRejections) {
            Map<String, Object> row = rejected(rejection);
            row.put("workplace_id", rejection.get("workplace_id"));
            row.put("submitted_at", rejection.get("submitted_at"));
            row.put("source_file", rejection.get("source_file"));
            tables.computeIfAbsent(rejection.get("employer_id"), id -> new ArrayList<>()).add(row);
        }
        Map<String, List<Map<String, Object>>> payroll = new TreeMap<>();
        List<CsvTable.Row> payrollRejections = Storage.exists(new Path(dir, "payroll_rejections.csv"))
                ? read(dir, "payroll_rejections.csv") : List.of();
        for (CsvTable.Row rejection : payrollRejections) {
            Map<String, Object> row = rejected(rejection);
            row.put("employee_key", rejection.get("employee_key"));
            payroll.computeIfAbsent(rejection.get("employer_id"), id -> new ArrayList<>()).add(row);
        }
        Map<String, String> names = new HashMap<>();
        Stream.concat(tableRejections.stream(), payrollRejections.stream())
                .forEach(r -> names.put(r.get("employer_id"), r.get("employer_name")));
        SortedSet<String> employers = new TreeSet<>(tables.keySet());
        employers.addAll(payroll.keySet());
        List<Map<String, Object>> notices = new ArrayList<>();
        int unregistered = 0;
        RuleVersion.DueDate notifyBy = rules.dates().notifyBy();
        Object correctBy = notifyBy == null ? false : Korean.date(notifyBy.in(year).toString());
        for (String employerId : employers) {
            Map<String, Object> notice = new HashMap<>();
            // only a registered employer's id names a file; an unknown one (a well-formed id too) is data
            boolean registered = REGISTERED_ID.matcher(employerId).matches()
                    && !names.getOrDefault(employerId, "").isEmpty();
            notice.put("file", (registered ? employerId : "unregistered-" + ++unregistered) + ".html");
            notice.put("employer_id", employerId);
            notice.put("employer_name", names.getOrDefault(employerId, ""));
            notice.put("tables", tables.getOrDefault(employerId, List.of()));
            notice.put("has_tables", tables.containsKey(employerId));
            notice.put("rows", payroll.getOrDefault(employerId, List.of()));
            notice.put("has_rows", payroll.containsKey(employerId));
            notice.put("correct_by", correctBy);
            notice.put("year", year);
            notices.add(notice);
        }
        return printed(new Path(dir, "notices"), year + "년 제출 자료 반려 안내", "notice", notices,
                year + "년에는 반려된 고용현황표나 임금 자료가 없습니다.");
    }

    /** The columns a rejection of either CSV shares, with the rule's plain Korean explanation and correction. */
    private static Map<String, Object> rejected(CsvTable.Row rejection) {
        Explained rule = explained(TEXTS.rules(), rejection.get("rule"));
        Map<String, Object> row = new HashMap<>();
        row.put("line", rejection.get("line"));
        row.put("rule", rejection.get("rule"));
        row.put("what", rule.what());
        row.put("todo", rule.todo());
        row.put("message", rejection.get("message"));
        return row;
    }

    /** A fine pre-notice per row of {@code non_submitters.csv}: what was not submitted, the basis, the maximum. */
    private static Map<String, Object> prenotices(Path dir, int year) {
        List<Map<String, Object>> prenotices = new ArrayList<>();
        for (CsvTable.Row case_ : read(dir, "non_submitters.csv")) {
            Explained reason = explained(TEXTS.reasons(), case_.get("reason"));
            Map<String, Object> prenotice = new HashMap<>();
            prenotice.put("file", case_.get("employer_id") + "-" + case_.get("reason") + ".html");
            prenotice.put("employer_id", case_.get("employer_id"));
            prenotice.put("employer_name", case_.get("employer_name"));
            String workforce = Korean.people(case_.get("regular_workforce"));
            prenotice.put("regular_workforce", workforce.isEmpty() ? "미상" : workforce);
            prenotice.put("reason", case_.get("reason"));
            prenotice.put("what", reason.what());
            prenotice.put("todo", reason.todo());
            prenotice.put("basis", reason.basis());
            prenotice.put("max_fine", Korean.won(case_.get("max_fine_krw")));
            prenotice.put("year", year);
            prenotices.add(prenotice);
        }
        return printed(new Path(dir, "prenotices"), year + "년 과태료 부과 사전 안내", "prenotice", prenotices,
                year + "년에는 제출 의무를 다하지 않은 사업주가 없습니다.");
    }

    /**
     * Writes each document to a file of its own and all of them to {@code all.html} for printing (a document a
     * page); a year without any gets an {@code all.html} that says so. Returns what the index page lists.
     */
    private static Map<String, Object> printed(Path dir, String title, String kind, List<Map<String, Object>> documents,
            String none) {
        for (Map<String, Object> document : documents) {
            save(new Path(dir, (String) document.get("file")), page(title, kind, List.of(document), none));
        }
        save(new Path(dir, "all.html"), page(title, kind, documents, none));
        return Map.of("title", title, "count", documents.size(), "documents", documents, "none",
                documents.isEmpty() ? none : false);
    }

    private static String page(String title, String kind, List<Map<String, Object>> documents, String none) {
        Map<String, Object> page = new HashMap<>(Map.of("title", title, "letter", false, "notice", false,
                "prenotice", false, "none", documents.isEmpty() ? none : false));
        page.put(kind, documents);
        return render("documents/page.html", page);
    }

    private static String orNone(String figure) {
        return figure.isEmpty() ? "해당 없음" : figure;
    }

    /** Each size class of the rule version in words: {@code under-1000} is 상시근로자 1,000명 미만. */
    static Map<String, String> sizeClassNames(RuleVersion rules) {
        Map<String, String> names = new HashMap<>();
        List<RuleVersion.SizeClass> classes = rules.sizeClasses();
        for (int i = 0; i < classes.size(); i++) {
            String from = Korean.number(Long.toString(classes.get(i).minWorkforce())) + "명 이상";
            String below = i + 1 < classes.size()
                    ? Korean.number(Long.toString(classes.get(i + 1).minWorkforce())) + "명 미만" : "";
            names.put(classes.get(i).id(), "상시근로자 " + (i == 0 ? below : below.isEmpty() ? from : from + " " + below));
        }
        return names;
    }
}
