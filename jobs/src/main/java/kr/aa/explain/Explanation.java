package kr.aa.explain;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import kr.aa.io.DatasetSchema;
import kr.aa.io.ParquetDatasetReader;
import kr.aa.io.ParquetDatasetWriter;
import kr.aa.io.Storage;
import kr.aa.run.Refused;
import org.apache.hadoop.fs.Path;

/**
 * The chain behind every decision about one employer in one published year, read from the warehouse alone, each
 * link with its figures and the entry of docs/rules.md that rules it (docs/rules.md, "A decision explained"): for
 * each assessed unit, counts, ratio, the group's average over its units, the standard, below or not, the proviso,
 * the criterion and the plan due date; then the fine cases, the plan review, the performance evaluation and the
 * naming status. The employer's id is only compared with the rows' values, never used to find a file.
 */
public final class Explanation {

    private final Path warehouse;
    private final int year;
    private final String employerId;

    public Explanation(Path out, int year, String employerId) {
        this.warehouse = new Path(out, "warehouse");
        this.year = year;
        this.employerId = employerId;
    }

    /** The rows of a dataset's partition of the year that satisfy {@code which}, each by column name. */
    private List<Map<String, String>> rows(String dataset, Predicate<Map<String, String>> which) {
        Path file = ParquetDatasetWriter.part(new Path(new Path(warehouse, dataset), "reporting_year=" + year));
        List<Map<String, String>> rows = new ArrayList<>();
        if (!Storage.exists(file)) {
            return rows;
        }
        List<String> columns = DatasetSchema.load("warehouse", dataset).columnNames();
        ParquetDatasetReader.forEachRow(file, columns, values -> {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), values.get(i) == null ? "" : values.get(i));
            }
            if (which.test(row)) {
                rows.add(row);
            }
        });
        return rows;
    }

    private List<Map<String, String>> employerRows(String dataset) {
        return rows(dataset, row -> row.get("employer_id").equals(employerId));
    }

    /** Prints the explanation; refused ({@link Refused}) for a year never published or an unknown employer. */
    public void print(PrintStream out) {
        if (!Storage.exists(new Path(new Path(warehouse, "units"), "reporting_year=" + year))) {
            throw new Refused(year + " was never published into " + warehouse.getParent()
                    + ": run its cycle first (./aa cycle --year " + year + " ...)");
        }
        List<Map<String, String>> units = employerRows("units");
        List<Map<String, String>> gaps = employerRows("registry_gaps");
        List<Map<String, String>> fines = employerRows("non_submitters");
        List<Map<String, String>> plans = employerRows("plan_reviews");
        List<Map<String, String>> evaluations = employerRows("performance_evaluations");
        List<Map<String, String>> naming = employerRows("naming_candidates");
        if (units.isEmpty() && gaps.isEmpty() && fines.isEmpty() && plans.isEmpty() && evaluations.isEmpty()
                && naming.isEmpty()) {
            throw new Refused("no decision of " + year + " concerns employer '" + employerId + "': it has"
                    + " no assessed unit, registry gap, fine case, plan review, evaluation or naming record in "
                    + warehouse + " (an employer neither obliged nor submitting has none)");
        }
        String name = Stream.of(units, gaps, fines, plans, evaluations, naming).flatMap(List::stream)
                .map(r -> r.get("employer_name")).findFirst().orElse("");
        Map<String, String> anyRow = Stream.of(units, gaps, fines, plans, evaluations, naming).flatMap(List::stream)
                .findFirst().orElseThrow();
        out.printf("Employer %s %s, reporting year %d (rule version %s, run %s), from %s%n", employerId, name, year,
                anyRow.get("rule_version"), anyRow.get("run_id"), warehouse);
        gaps.forEach(gap -> out.printf("%nRegular workforce: %s, %s (docs/rules.md, \"%s\")%n", gap.get("gap"),
                gap.get("detail"), gap.get("gap")));
        if (units.isEmpty()) {
            out.printf("%nNo assessed unit: the employer has no accepted table in %d (docs/rules.md, \"Assessed unit\")%n",
                    year);
        }
        List<Map<String, String>> benchmarks = rows("benchmarks", b -> true);
        List<Map<String, String>> notifications = employerRows("notifications");
        units.forEach(unit -> unit(out, unit, benchmarks, notifications));
        out.printf("%nFine cases (docs/rules.md, \"Fine cases\"):%s%n", fines.isEmpty() ? " none" : "");
        fines.forEach(fine -> out.printf("  %s, regular workforce %s: a fine of up to %s KRW may be imposed"
                + " (docs/rules.md, \"%s\")%n", fine.get("reason"), orUnknown(fine.get("regular_workforce")),
                fine.get("max_fine_krw"), fine.get("reason")));
        out.printf("%nPlan review (docs/rules.md, \"Supplement requested\"):%s%n", plans.isEmpty() ? " none" : "");
        plans.forEach(plan -> out.printf("  plan of %s submitted %s: women %s -> target %s, women managers %s ->"
                + " target %s; supplement requested: %s%s%n", plan.get("plan_year"), plan.get("submitted_at"),
                plan.get("current_women"), plan.get("target_women"), plan.get("current_women_managers"),
                plan.get("target_women_managers"), yesNo(plan.get("supplement_requested")),
                plan.get("answer_due").isEmpty() ? "" : ", answer due " + plan.get("answer_due")));
        out.printf("%nPerformance evaluation (docs/rules.md, \"Achievement and poor performance\"):%s%n",
                evaluations.isEmpty() ? " none" : "");
        evaluations.forEach(e -> out.printf("  plan of %s: women %s of target %s (%s %%), women managers %s of target"
                + " %s (%s %%); poor: %s%n", e.get("plan_year"), e.get("actual_women"), e.get("target_women"),
                orUnknown(e.get("women_achievement_pct")), e.get("actual_women_managers"),
                e.get("target_women_managers"), orUnknown(e.get("managers_achievement_pct")), yesNo(e.get("poor"))));
        out.printf("%nNaming (docs/rules.md, \"Naming candidate\"):%s%n", naming.isEmpty()
                ? " not a candidate: the employer was not notified in each of the three years to " + year : "");
        naming.forEach(n -> out.printf("  unit %s, notified in %s, urged on %s: %s (docs/rules.md, \"%s\")%n",
                n.get("industry_group"), n.get("failed_years"), orUnknown(n.get("urged_on")), n.get("status"),
                n.get("status")));
    }

    /** The chain of one unit's assessment, each step with the figures it took and gave. */
    private void unit(PrintStream out, Map<String, String> unit, List<Map<String, String>> benchmarks,
            List<Map<String, String>> notifications) {
        String group = unit.get("industry_group");
        String size = unit.get("size_class");
        Map<String, String> benchmark = benchmarks.stream().filter(b -> b.get("industry_group").equals(group)
                && b.get("size_class").equals(size)).findFirst().orElse(Map.of());
        out.printf("%nUnit %s, size class %s (regular workforce %s; %s) (docs/rules.md, \"Assessed unit\")%n", group,
                size.isEmpty() ? "unknown" : size, orUnknown(unit.get("regular_workforce")),
                unit.get("obligated").equals("true") ? "obliged" : "voluntary: assessed, never notified");
        out.printf("  counts: workers %s, women %s; managers %s, women managers %s%n", unit.get("workers"),
                unit.get("women"), unit.get("managers"), unit.get("women_managers"));
        boolean pooled = "POOLED".equals(benchmark.get("average"));
        // below_female_standard is the decision after the proviso: a unit it spared is below the standard all the same
        boolean spared = unit.get("female_proviso_applied").equals("true");
        boolean below = unit.get("below_female_standard").equals("true") || spared;
        ratio(out, "female ratio", unit.get("women"), unit.get("workers"), unit.get("female_ratio"),
                unit.get("avg_female_ratio"), benchmark.get("units"), pooled, benchmark.get("factor"),
                unit.get("standard_female_ratio"), Boolean.toString(below));
        if (below) {
            out.printf("    50 %% proviso: %s (docs/rules.md, \"Standard and selection\")%n",
                    spared ? "applies, the female ratio is 50 % or more: not selected on it" : "does not apply");
        }
        ratio(out, "female-manager ratio", unit.get("women_managers"), unit.get("managers"),
                unit.get("manager_female_ratio"), unit.get("avg_manager_female_ratio"),
                benchmark.get("units_with_managers"), pooled, benchmark.get("factor"),
                unit.get("standard_manager_female_ratio"), unit.get("below_manager_standard"));
        if (unit.get("notified").equals("true")) {
            Map<String, String> notice = notifications.stream().filter(n -> n.get("industry_group").equals(group))
                    .findFirst().orElse(Map.of());
            out.printf("  criterion: %s: notified%s; implementation plan due %s (docs/rules.md, \"Notification\")%n",
                    unit.get("selected_on"), notice.getOrDefault("notify_by", "").isEmpty() ? ""
                            : " by " + notice.get("notify_by"), notice.getOrDefault("plan_due", ""));
        } else {
            out.printf("  not notified%s (docs/rules.md, \"Standard and selection\")%n",
                    unit.get("obligated").equals("true") ? ": no criterion met" : ": voluntary units are not notified");
        }
    }

    private static void ratio(PrintStream out, String what, String part, String whole, String ratio, String average,
            String units, boolean pooled, String factor, String standard, String below) {
        if (ratio.isEmpty()) {
            out.printf("  %s: none, no one to divide by: left out of the average, never selected on it"
                    + " (docs/rules.md, \"Ratios\")%n", what);
            return;
        }
        out.printf("  %s = %s / %s = %s, half-up to 6 decimals (docs/rules.md, \"Ratios\")%n", what, part, whole,
                ratio);
        if (average.isEmpty()) {
            out.printf("    no group average: no obliged unit of the group has this ratio (docs/rules.md,"
                    + " \"Comparison average\")%n");
            return;
        }
        out.printf("    group average %s, %s of %s units (docs/rules.md, \"Comparison average\")%n", average,
                pooled ? "pooled" : "the mean of the ratios", units == null ? "?" : units);
        out.printf("    standard = %s x %s = %s (docs/rules.md, \"Standard and selection\")%n", factor, average,
                standard);
        out.printf("    %s: %s %s %s%n", below.equals("true") ? "below the standard" : "not below the standard", ratio,
                below.equals("true") ? "<" : ">=", standard);
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "unknown" : value;
    }

    private static String yesNo(String flag) {
        return flag.equals("true") ? "yes" : "no";
    }
}
