package kr.aa.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule version: the law's figures and dates as a data file, {@code config/rules/<id>.json}
 * (docs/rules.md, "Rule versions"). Nothing in the code repeats them.
 *
 * @param factor           standard = factor x comparison average (Rule Table 2)
 * @param femaleRatioProviso a unit whose female ratio is at least this is not selected on it (Table 2 (a)); null: no proviso
 * @param average          MEAN of the units' ratios, or POOLED (sum of women / sum of workers)
 * @param maxFineKrw       the most a missing table, plan or report can be fined (Act Art. 39(3); docs/rules.md, "Fine cases")
 * @param obligation       thresholds of regular workforce for each kind of employer, each in force from a date
 * @param sizeClasses      comparison size classes by lower bound of regular workforce
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleVersion(
        @JsonProperty("rule_version") String id,
        String description,
        String classification,
        @JsonProperty("time_zone") ZoneId timeZone,
        BigDecimal factor,
        @JsonProperty("female_ratio_proviso") BigDecimal femaleRatioProviso,
        String average,
        @JsonProperty("voluntary_units_in_averages") boolean voluntaryUnitsInAverages,
        @JsonProperty("max_fine_krw") long maxFineKrw,
        List<Obligation> obligation,
        @JsonProperty("size_classes") List<SizeClass> sizeClasses,
        Dates dates,
        Years years,
        Pay pay,
        Compliance compliance) {

    /**
     * The job type of managers in the headcount table (Form 5) and the payroll, the first major group of the Korean
     * Standard Classification of Occupations (docs/rules.md, "Ratios"): the female-manager ratio counts its cells, and
     * its cells at level III are refused.
     */
    public static final int MANAGERS_JOB_TYPE = 0;

    /**
     * The year each part of the cycle of Y covers, as an offset from Y (docs/rules.md, "Years of a cycle"): the
     * regular workforce, the pay disclosure's calendar year, the plan year whose plans are reviewed and the plan
     * year whose performance reports are evaluated.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Years(int workforce, int pay, int plans, @JsonProperty("performance_reports") int performanceReports) {
    }

    /**
     * Who is obliged from a date (docs/rules.md, "Who is obliged"): a threshold of regular workforce for each kind
     * of employer; a kind the entry does not name is not obliged (its employers are voluntary).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Obligation(LocalDate from, Map<String, Threshold> kinds) {
    }

    /**
     * Employers of a kind with at least {@code workforce} regular workers are obliged (Decree Art. 4(2)), those
     * of a disclosure group from their own threshold where the version has one; 0 obliges every employer of the
     * kind whatever its size, known or not (Decree Art. 4(1)).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Threshold(long workforce, @JsonProperty("disclosure_group_workforce") Long disclosureGroupWorkforce) {

        /** The threshold for an employer of a disclosure group: its own where the version has one. */
        public long groupWorkforce() {
            return disclosureGroupWorkforce == null ? workforce : disclosureGroupWorkforce;
        }
    }

    /**
     * The pay disclosure's settings (docs/rules.md, "Pay population", "Suppression"): who is in the population, the
     * tenure bands, and the fewest people of either gender for a figure to be disclosed.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pay(
            @JsonProperty("min_months_worked") int minMonthsWorked,
            @JsonProperty("employment_types") List<String> employmentTypes,
            @JsonProperty("tenure_bands") List<TenureBand> tenureBands,
            @JsonProperty("suppression_minimum") int suppressionMinimum,
            @JsonProperty("quartile_remainder") List<Integer> quartileRemainder) {

        /**
         * When a population does not divide into four equal bands, the rank of a quartile (1 to 4) in taking one
         * more person: the first {@code n % 4} quartiles of {@code quartile_remainder} do (docs/rules.md, "EU
         * indicators"); 4 for a quartile the list does not name, which never does.
         */
        public int remainderRank(int quartile) {
            int index = quartileRemainder.indexOf(quartile);
            return index < 0 ? 4 : index + 1;
        }
    }

    /**
     * The compliance settings (docs/rules.md, "Plans and performance", "List publication").
     *
     * @param supplementAnswerDays days an employer has to answer a request for a supplement to its plan
     * @param poorBelowPct         an achievement below this percentage, on a figure with a target, is poor
     * @param noticeDays           days between the written notice and the decision to publish, at least
     * @param publicationMonths    how long a name stays published
     * @param failedYears          consecutive notified years that make a naming candidate
     * @param exceptions           the decisions that remove a candidate, the first taking precedence
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compliance(
            @JsonProperty("supplement_answer_days") int supplementAnswerDays,
            @JsonProperty("poor_below_pct") BigDecimal poorBelowPct,
            @JsonProperty("notice_days") int noticeDays,
            @JsonProperty("publication_months") int publicationMonths,
            @JsonProperty("failed_years") int failedYears,
            List<ExceptionDecision> exceptions) {
    }

    /**
     * A council's decision that removes a naming candidate, and the status it gives; a version lists them in the
     * order they take precedence when an employer has more than one (docs/rules.md, "{@code EXCLUDED_DEATH}").
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExceptionDecision(String action, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TenureBand(String id, @JsonProperty("min_years") int minYears) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SizeClass(String id, @JsonProperty("min_workforce") long minWorkforce) {
    }

    /** A due date as a day of the year, {@code years_after} the reporting year. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DueDate(@JsonProperty("month_day") String monthDay, @JsonProperty("years_after") int yearsAfter) {

        public LocalDate in(int reportingYear) {
            return MonthDay.parse("--" + monthDay).atYear(reportingYear + yearsAfter);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dates(
            @JsonProperty("headcount_due") DueDate headcountDue,
            @JsonProperty("notify_by") DueDate notifyBy,
            @JsonProperty("plan_due") DueDate planDue,
            @JsonProperty("performance_due") DueDate performanceDue) {
    }

    /** The default rule version: the 2006 manual's factor and calendar with the 2022 Act and Decree. */
    public static final String DEFAULT = "manual-2006-act-2022";

    /** The kinds of employer of {@code employers.csv}. */
    public static final List<String> KINDS = List.of("PRIVATE", "PUBLIC_INSTITUTION", "LOCAL_PUBLIC");

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /**
     * A rule version by name, from {@code config/rules/} on the class path, or from a file path for a
     * version of the user's own.
     */
    public static RuleVersion load(String nameOrPath) {
        return parse(nameOrPath, tree(nameOrPath));
    }

    /**
     * A rule version with some of its settings changed, each {@code key=value}: the key a field of the rule file
     * ({@code factor}, {@code average}) or a path into it ({@code size_classes.1.min_workforce}), the value of the
     * field's kind, {@code none} for no value (a version without the 50 % proviso). The version is named after the
     * settings. A key the file does not have is refused, naming the keys it has.
     */
    public static RuleVersion load(String nameOrPath, List<String> settings) {
        ObjectNode tree = tree(nameOrPath);
        StringBuilder name = new StringBuilder(tree.path("rule_version").asText());
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("a setting is key=value, not '" + setting + "'");
            }
            set(tree, setting.substring(0, equals), setting.substring(equals + 1), nameOrPath);
            name.append('+').append(setting);
        }
        tree.put("rule_version", name.toString());
        return parse(nameOrPath, tree);
    }

    private static void set(ObjectNode tree, String key, String value, String version) {
        String[] path = key.split("\\.");
        JsonNode parent = tree;
        for (int i = 0; i < path.length - 1 && parent != null; i++) {
            parent = parent.isArray() && path[i].matches("\\d+") ? parent.get(Integer.parseInt(path[i]))
                    : parent.get(path[i]);
        }
        String last = path[path.length - 1];
        JsonNode old = parent instanceof ObjectNode ? parent.get(last) : null;
        if (old == null || old.isContainerNode()) {
            List<String> keys = new ArrayList<>();
            tree.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode()) {
                    keys.add(field.getKey());
                }
            });
            throw new IllegalArgumentException("rule version " + version + " has no setting '" + key + "' (its"
                    + " settings: " + String.join(", ", keys) + ", or a path such as size_classes.1.min_workforce)");
        }
        ObjectNode object = (ObjectNode) parent;
        if (value.equals("none")) {
            object.putNull(last);
        } else if (old.isTextual() || old.isNull()) {
            object.put(last, value);
        } else {
            try {
                object.set(last, JSON.readTree(value));
            } catch (IOException e) {
                throw new IllegalArgumentException(key + " is " + old.getNodeType().toString().toLowerCase(Locale.ROOT)
                        + ", not '" + value + "'", e);
            }
        }
    }

    private static ObjectNode tree(String nameOrPath) {
        Path file = Path.of(nameOrPath);
        try {
            if (nameOrPath.endsWith(".json") && Files.isRegularFile(file)) {
                return (ObjectNode) JSON.readTree(file.toFile());
            }
            try (InputStream in = RuleVersion.class.getClassLoader()
                    .getResourceAsStream("config/rules/" + nameOrPath + ".json")) {
                if (in == null) {
                    throw new IllegalArgumentException("no rule version '" + nameOrPath
                            + "' in config/rules/ (" + DEFAULT + ", kr-2006, kr-2014, kr-2020, or a path to a .json file)");
                }
                return (ObjectNode) JSON.readTree(in);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("rule version " + nameOrPath + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static RuleVersion parse(String nameOrPath, ObjectNode tree) {
        try {
            return JSON.treeToValue(tree, RuleVersion.class).checked();
        } catch (IOException e) {
            throw new IllegalArgumentException("rule version " + nameOrPath + " cannot be read: " + e.getMessage(), e);
        }
    }

    private RuleVersion checked() {
        if (!"MEAN".equals(average) && !"POOLED".equals(average)) {
            throw new IllegalArgumentException(id + ": average must be MEAN or POOLED, not " + average);
        }
        if (!fromZeroRising(sizeClasses.stream().map(SizeClass::minWorkforce).toList())) {
            throw new IllegalArgumentException(id + ": the size classes start at 0 and each at a larger workforce"
                    + " than the one before");
        }
        if (compliance.failedYears() < 2) {
            throw new IllegalArgumentException(id + ": failed_years must be at least 2 (the cycle reads the year before)");
        }
        if (years == null || years.workforce() >= 0 || years.pay() >= 0 || years.plans() >= 0
                || years.performanceReports() >= 0) {
            throw new IllegalArgumentException(id + ": \"years\" needs the workforce, pay, plans and"
                    + " performance_reports years, each before the reporting year (-1 or less)");
        }
        if (compliance.exceptions() == null || compliance.exceptions().isEmpty()) {
            throw new IllegalArgumentException(id + ": compliance.exceptions needs the decisions that remove a"
                    + " candidate, in the order they take precedence");
        }
        for (Obligation entry : obligation) {
            if (entry.from() == null || entry.kinds() == null || !KINDS.containsAll(entry.kinds().keySet())) {
                throw new IllegalArgumentException(id + ": each obligation needs a date \"from\" and \"kinds\", a"
                        + " threshold for each of the kinds it obliges among " + String.join(", ", KINDS));
            }
        }
        if (pay.quartileRemainder() == null || pay.quartileRemainder().size() != 3
                || pay.quartileRemainder().stream().distinct().count() != 3
                || !pay.quartileRemainder().stream().allMatch(q -> q >= 1 && q <= 4)) {
            throw new IllegalArgumentException(id + ": pay.quartile_remainder names three different quartiles (1-4),"
                    + " in the order they take the remainder");
        }
        if (!fromZeroRising(pay.tenureBands().stream().map(b -> (long) b.minYears()).toList())) {
            throw new IllegalArgumentException(id + ": the tenure bands start at 0 years and each at more years than"
                    + " the one before");
        }
        if (pay.employmentTypes().isEmpty()
                || pay.employmentTypes().stream().distinct().count() != pay.employmentTypes().size()) {
            throw new IllegalArgumentException(id + ": pay.employment_types names each employment type once");
        }
        return this;
    }

    /**
     * Whether bands' lower bounds start at 0 and each is above the one before: bands that overlap would count a
     * person twice, and a gap below the first would count no one.
     */
    private static boolean fromZeroRising(List<Long> lowerBounds) {
        if (lowerBounds.isEmpty() || lowerBounds.get(0) != 0) {
            return false;
        }
        for (int i = 1; i < lowerBounds.size(); i++) {
            if (lowerBounds.get(i) <= lowerBounds.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** The year whose regular workforce decides the obligation and the size class of the cycle of Y. */
    public int workforceYear(int reportingYear) {
        return reportingYear + years.workforce();
    }

    /** The calendar year of the pay the cycle of Y discloses. */
    public int payYear(int reportingYear) {
        return reportingYear + years.pay();
    }

    /** The plan year whose plans the cycle of Y reviews. */
    public int planYear(int reportingYear) {
        return reportingYear + years.plans();
    }

    /** The plan year whose performance reports the cycle of Y evaluates. */
    public int reportYear(int reportingYear) {
        return reportingYear + years.performanceReports();
    }

    /** The obligation in force on the reporting year's headcount due date. */
    public Obligation obligationFor(int reportingYear) {
        LocalDate due = dates.headcountDue().in(reportingYear);
        return obligation.stream()
                .filter(o -> !o.from().isAfter(due))
                .max(Comparator.comparing(Obligation::from))
                .orElseThrow(() -> new IllegalArgumentException(
                        id + ": no obligation threshold in force on " + due));
    }

    /**
     * The day the year's selection is made known, which dates what follows from it (docs/rules.md, "Supplement
     * requested" and "Written notice"): the notification date, or for a version without one the headcount due date.
     */
    public LocalDate selectionDate(int reportingYear) {
        return (dates.notifyBy() != null ? dates.notifyBy() : dates.headcountDue()).in(reportingYear);
    }

    /** The first instant at which a headcount table of the year is late. */
    public ZonedDateTime headcountLateFrom(int reportingYear) {
        return lateFrom(dates.headcountDue(), reportingYear);
    }

    /** The first instant after a due date of the year: the start of the next day in the version's time zone. */
    public ZonedDateTime lateFrom(DueDate due, int year) {
        return due.in(year).plusDays(1).atStartOfDay(timeZone);
    }
}
