package kr.aa.comply;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.aa.ingest.Bundle;
import kr.aa.ingest.Counts;
import kr.aa.io.BundleException;
import kr.aa.io.CsvTable;
import kr.aa.io.RecordTable;
import kr.aa.rules.Latest;
import org.apache.hadoop.fs.Path;

/**
 * The plans, performance reports and recorded decisions of a bundle (data contract, "Input and output:
 * compliance over the years"), each row checked on its own: a row with a bad field is rejected as
 * {@code BAD_VALUE} (every bad field in one message), a row repeating an earlier row's key as
 * {@code DUPLICATE_RECORD}; the rest are kept. All three files are optional.
 */
public record ComplianceRecords(List<Plan> plans, List<PerformanceReport> reports, List<Action> actions,
        List<Rejection> rejections) {

    public static final String PLANS = "plans";
    public static final String PERFORMANCE = "performance";
    public static final String ACTIONS = "actions";
    public static final String ASSESSED_UNITS = "assessed_units";

    /** The decisions a statistician records (data contract, {@code actions.csv}). */
    public static final List<String> ACTION_CODES = List.of("URGED", "URGE_FOLLOWED", "NOTICE_SENT",
            "EXCEPTION_DEATH", "EXCEPTION_CLOSURE", "EXCEPTION_INSOLVENCY", "EXCEPTION_EFFORT", "PUBLISH");

    /** An implementation plan: headcounts now and the targets for 30 September of the next year. */
    public record Plan(String employerId, int planYear, String submittedAt, long currentWomen,
            long currentWomenManagers, long targetWomen, long targetWomenManagers) {
    }

    /** A performance report on a plan year: the headcounts reached. */
    public record PerformanceReport(String employerId, int planYear, String submittedAt, long actualWomen,
            long actualWomenManagers) {
    }

    /** A recorded decision, belonging to a reporting year. */
    public record Action(String employerId, int year, String action, LocalDate decidedOn, String note) {
    }

    /** A rejected row: where it is, and why. */
    public record Rejection(String sourceFile, long line, String employerId, String rule, String message) {
    }

    /** Reads and checks the bundle's {@code plans}, {@code performance} and {@code actions}, where it has them. */
    public static ComplianceRecords read(Bundle bundle) {
        List<Rejection> rejections = new ArrayList<>();
        List<Plan> plans = read(bundle, PLANS, rejections, ComplianceRecords::plan,
                p -> p.employerId() + " " + p.planYear() + " " + p.submittedAt());
        List<PerformanceReport> reports = read(bundle, PERFORMANCE, rejections, ComplianceRecords::report,
                r -> r.employerId() + " " + r.planYear() + " " + r.submittedAt());
        List<Action> actions = read(bundle, ACTIONS, rejections, ComplianceRecords::action,
                a -> a.employerId() + " " + a.year() + " " + a.action() + " " + a.decidedOn());
        return new ComplianceRecords(plans, reports, actions, rejections);
    }

    private static <T> List<T> read(Bundle bundle, String dataset, List<Rejection> rejections,
            Function<Fields, T> parse, Function<T, String> key) {
        List<T> records = new ArrayList<>();
        if (!bundle.has(dataset)) {
            return records;
        }
        Map<String, Long> firstLine = new HashMap<>();
        try (RecordTable table = bundle.open(dataset)) {
            for (CsvTable.Row row : table) {
                Fields fields = new Fields(row);
                T record = parse.apply(fields);
                if (!fields.problems.isEmpty()) {
                    rejections.add(fields.rejection("BAD_VALUE", String.join("; ", fields.problems)));
                    continue;
                }
                Long earlier = firstLine.putIfAbsent(key.apply(record), row.line());
                if (earlier != null) {
                    rejections.add(fields.rejection("DUPLICATE_RECORD", "the same " + dataset + " record ("
                            + key.apply(record) + ") as line " + earlier + "; remove one of them"));
                    continue;
                }
                records.add(record);
            }
        }
        return records;
    }

    private static Plan plan(Fields f) {
        return new Plan(f.text("employer_id"), f.year("plan_year"), f.instant("submitted_at"), f.count("current_women"),
                f.count("current_women_managers"), f.count("target_women"), f.count("target_women_managers"));
    }

    private static PerformanceReport report(Fields f) {
        return new PerformanceReport(f.text("employer_id"), f.year("plan_year"), f.instant("submitted_at"),
                f.count("actual_women"), f.count("actual_women_managers"));
    }

    /** A decision from one record; its problems, if any, in the rejection {@link #parseAction} reports. */
    private static Action action(Fields f) {
        String code = f.row.get("action").trim();
        if (!ACTION_CODES.contains(code)) {
            f.problems.add("action '" + code + "' is not one of " + String.join(", ", ACTION_CODES));
        }
        return new Action(f.text("employer_id"), f.year("year"), code, f.date("decided_on"), f.row.get("note").trim());
    }

    /**
     * The history of the years before the pipeline, from a folder of {@code assessed_units.csv} and any of
     * {@code plans.csv}, {@code performance.csv} and {@code actions.csv}: all of it or, where a row is
     * bad, nothing, with every bad row named.
     */
    public static History readHistory(Path dir) {
        Bundle folder = new Bundle(dir.toString(), 0);
        ComplianceRecords records = read(folder);
        List<Rejection> rejections = new ArrayList<>(records.rejections());
        List<Ledger.Unit> units = read(folder, ASSESSED_UNITS, rejections, ComplianceRecords::unit,
                u -> u.reportingYear() + " " + u.employerId() + " " + u.industryGroup());
        if (!rejections.isEmpty()) {
            throw new BundleException("the history in " + dir + " has bad rows, nothing was imported:\n" + String.join("\n",
                    rejections.stream().map(r -> r.sourceFile() + " line " + r.line() + ": " + r.message()).toList()));
        }
        return new History(units, records);
    }

    /** Imported history: assessed units of earlier years, and their plans, reports and decisions. */
    public record History(List<Ledger.Unit> units, ComplianceRecords records) {
    }

    private static Ledger.Unit unit(Fields f) {
        String notified = f.row.get("notified").trim();
        if (!notified.equals("true") && !notified.equals("false")) {
            f.problems.add("notified '" + notified + "' is not true or false");
        }
        return new Ledger.Unit(f.year("reporting_year"), f.text("employer_id"), f.text("industry_group"),
                f.text("employer_name"), null, f.count("workers"), f.count("women"), f.count("managers"),
                f.count("women_managers"), null, null, null, null, true, Boolean.parseBoolean(notified), null,
                Ledger.IMPORT, Ledger.IMPORT);
    }

    /** A decision given field by field (from the command line): the decision, or why it cannot be recorded. */
    public static Action parseAction(Map<String, String> values) {
        List<String> columns = List.of("employer_id", "year", "action", "decided_on", "note");
        Map<String, Integer> index = new HashMap<>();
        List<String> fields = new ArrayList<>();
        for (String column : columns) {
            index.put(column, fields.size());
            fields.add(values.getOrDefault(column, ""));
        }
        Fields f = new Fields(new CsvTable.Row("command line", 0, index, fields));
        Action action = action(f);
        if (!f.problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", f.problems));
        }
        return action;
    }

    /** A record's fields, parsed one by one; each bad one adds a problem a person can act on. */
    private static final class Fields {

        private static final int FIRST_YEAR = 1990;
        private static final int LAST_YEAR = 2999;

        private final CsvTable.Row row;
        private final List<String> problems = new ArrayList<>();

        Fields(CsvTable.Row row) {
            this.row = row;
        }

        String text(String column) {
            String value = row.get(column).trim();
            if (value.isEmpty()) {
                problems.add(column + " is empty");
            }
            return value;
        }

        int year(String column) {
            String value = row.get(column).trim();
            int year = Counts.parse(value).orElse(-1);
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                problems.add(column + " '" + value + "' is not a year");
            }
            return year;
        }

        long count(String column) {
            String value = row.get(column).trim();
            var count = Counts.parse(value);
            if (count.isEmpty()) {
                problems.add(column + " '" + value + "' is not a whole number >= 0");
            }
            return count.orElse(0);
        }

        String instant(String column) {
            String value = row.get(column).trim();
            try {
                Latest.instant(value);
            } catch (DateTimeParseException e) {
                problems.add(column + " '" + value + "' is not an ISO-8601 date and time with offset");
            }
            return value;
        }

        LocalDate date(String column) {
            String value = row.get(column).trim();
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(column + " '" + value + "' is not a date YYYY-MM-DD");
                return null;
            }
        }

        Rejection rejection(String rule, String message) {
            return new Rejection(row.file(), row.line(), row.get("employer_id").trim(), rule, message);
        }
    }
}
