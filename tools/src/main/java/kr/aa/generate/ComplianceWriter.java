package kr.aa.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kr.aa.generate.BundleGenerator.Employer;
import kr.aa.generate.BundleGenerator.Headcounts;
import kr.aa.generate.BundleGenerator.Plan;
import kr.aa.io.CsvWriter;

/**
 * Writes the compliance files of a generated bundle of year Y, from the second year of a series on:
 * {@code plans.csv} (plan year Y-1, from the employers the year before's tables put below the standard;
 * about 5 % with targets no higher than the current figures, a few late, missing or resubmitted),
 * {@code performance.csv} (on the plans of plan year Y-2, which the year before's bundle held; some short
 * of target, late or missing) and {@code actions.csv} (half the employers whose report falls short of a
 * target urged; the laggards urged in the second year of the series, and in the third their notices,
 * decisions to publish, followed urges and exceptions). Submission times are in the default rule version's
 * calendar: plans and reports by 15 October of Y-1, a few after it; notices from the notification date of Y.
 * Each file has a broken record.
 */
final class ComplianceWriter {

    private static final List<String> PLAN_COLUMNS = List.of("employer_id", "plan_year", "submitted_at",
            "current_women", "current_women_managers", "target_women", "target_women_managers");
    private static final List<String> REPORT_COLUMNS = List.of("employer_id", "plan_year", "submitted_at",
            "actual_women", "actual_women_managers");
    private static final List<String> ACTION_COLUMNS = List.of("employer_id", "year", "action", "decided_on", "note");
    private static final double NO_PLAN_SHARE = 0.04;
    private static final double LATE_SHARE = 0.03;
    private static final double RESUBMITTED_SHARE = 0.05;
    private static final double NO_REPORT_SHARE = 0.05;
    private static final double LOW_TARGET_SHARE = 0.05;
    /** The share of the employers not below the standard that make a plan of their own accord (Act Art. 17-3(3)). */
    private static final double VOLUNTARY_PLAN_SHARE = 0.01;
    /** The share of the employers short of a target that are urged to implement (Act Art. 17-4(5)). */
    private static final double URGED_SHARE = 0.5;

    /** The default rule version's notification date: the written notices of a year follow it. */
    private static final MonthDay NOTIFICATION = MonthDay.of(8, 1);

    private final int year;
    /** How many years into the series this bundle is: 1 for the second, 2 for the third. */
    private final int yearOfSeries;
    private final SplittableRandom random;

    ComplianceWriter(int year, int yearOfSeries, SplittableRandom random) {
        this.year = year;
        this.yearOfSeries = yearOfSeries;
        this.random = random;
    }

    /** Writes the three files into the bundle folder; returns the plans written. */
    List<Plan> write(Path dir, List<Employer> employers, Map<String, Headcounts> lastYear, List<Plan> plansBefore) {
        List<Plan> plans = writePlans(dir, employers, lastYear);
        List<String> poor = writeReports(dir, employers, plansBefore);
        writeActions(dir, employers, poor);
        return plans;
    }

    private List<Plan> writePlans(Path dir, List<Employer> employers, Map<String, Headcounts> lastYear) {
        List<Plan> plans = new ArrayList<>();
        try (CsvWriter out = new CsvWriter(dir.resolve("plans.csv"), PLAN_COLUMNS)) {
            for (Employer employer : employers) {
                Headcounts now = lastYear.get(employer.id());
                if (now == null) {
                    continue;
                }
                boolean required = BundleGenerator.likelyNotified(employer, now);
                if (required ? !employer.laggard() && random.nextDouble() < NO_PLAN_SHARE
                        : random.nextDouble() >= VOLUNTARY_PLAN_SHARE) {
                    continue;
                }
                boolean noSupplement = employer.role() == BundleGenerator.NO_REPORT
                        || !employer.laggard() && random.nextDouble() < LOW_TARGET_SHARE;
                long moreWomen = Math.max(1, Math.round(now.women() * (0.03 + 0.1 * random.nextDouble())));
                Plan plan = new Plan(employer.id(), year - 1, now.women(), now.womenManagers(),
                        noSupplement ? now.women() : now.women() + moreWomen,
                        noSupplement ? now.womenManagers() : now.womenManagers() + 1 + random.nextInt(2), required);
                LocalDateTime submitted = submitted(!employer.laggard() && random.nextDouble() < LATE_SHARE);
                if (random.nextDouble() < RESUBMITTED_SHARE) {
                    out.row(plan.employerId(), plan.planYear(), at(submitted.minusDays(3)), plan.currentWomen(),
                            plan.currentWomenManagers(), plan.currentWomen(), plan.currentWomenManagers());
                }
                out.row(plan.employerId(), plan.planYear(), at(submitted), plan.currentWomen(),
                        plan.currentWomenManagers(), plan.targetWomen(), plan.targetWomenManagers());
                plans.add(plan);
            }
            if (!plans.isEmpty()) {
                Plan first = plans.get(0);
                out.row(first.employerId(), first.planYear(), at(submitted(false)), first.currentWomen(), "",
                        first.targetWomen(), "-1");
            }
        }
        return plans;
    }

    /**
     * Writes the reports on the plans of two years before (none on a voluntary plan, which owes no report a fine
     * could follow); returns the employers that fell short of a target.
     */
    private List<String> writeReports(Path dir, List<Employer> employers, List<Plan> plansBefore) {
        List<String> noReport = employers.stream().filter(e -> e.role() == BundleGenerator.NO_REPORT)
                .map(Employer::id).toList();
        List<String> poor = new ArrayList<>();
        try (CsvWriter out = new CsvWriter(dir.resolve("performance.csv"), REPORT_COLUMNS)) {
            List<Object> last = null;
            for (Plan plan : plansBefore) {
                if (!plan.required() || noReport.contains(plan.employerId()) || random.nextDouble() < NO_REPORT_SHARE) {
                    continue;
                }
                long women = Math.round(plan.targetWomen() * (0.93 + 0.12 * random.nextDouble()));
                long womenManagers = Math.max(0, plan.targetWomenManagers() - 1 + random.nextInt(3));
                if (women < plan.targetWomen() || womenManagers < plan.targetWomenManagers()) {
                    poor.add(plan.employerId());
                }
                last = List.of(plan.employerId(), plan.planYear(), at(submitted(random.nextDouble() < LATE_SHARE)),
                        women, womenManagers);
                out.row(last);
            }
            if (last != null) {
                out.row(last);
            }
        }
        return poor;
    }

    private void writeActions(Path dir, List<Employer> employers, List<String> poor) {
        try (CsvWriter out = new CsvWriter(dir.resolve("actions.csv"), ACTION_COLUMNS)) {
            for (String id : poor) {
                if (random.nextDouble() < URGED_SHARE) {
                    out.row(id, year, "URGED", LocalDate.of(year, 3, 16), "실적 미흡 이행촉구");
                }
            }
            for (Employer employer : employers.stream().filter(Employer::laggard).toList()) {
                String id = employer.id();
                if (yearOfSeries == 1 && employer.role() != BundleGenerator.NOT_URGED) {
                    out.row(id, year, "URGED", LocalDate.of(year, 3, 2), "고용개선조치 이행촉구");
                }
                if (yearOfSeries != 2) {
                    continue;
                }
                switch (employer.role()) {
                    case BundleGenerator.PUBLISHED -> noticeAndDecision(out, id, 40);
                    case BundleGenerator.PUBLISHED_TOO_SOON -> noticeAndDecision(out, id, 30);
                    case BundleGenerator.URGE_FOLLOWED -> out.row(id, year, "URGE_FOLLOWED", LocalDate.of(year, 2, 1),
                            "여성 관리자 승진 계획 이행");
                    case BundleGenerator.EFFORT -> out.row(id, year, "EXCEPTION_EFFORT", LocalDate.of(year, 4, 20),
                            "여성 채용 확대 노력 인정");
                    default -> {
                    }
                }
            }
            employers.stream().filter(Employer::laggard).findFirst().ifPresent(e ->
                    out.row(e.id(), year, "WARNED", LocalDate.of(year, 4, 1), "정해지지 않은 조치"));
        }
    }

    /** A written notice on the notification date, and a decision to publish the given days after it. */
    private void noticeAndDecision(CsvWriter out, String id, int days) {
        LocalDate notice = NOTIFICATION.atYear(year);
        out.row(id, year, "NOTICE_SENT", notice, "명단공표 사전 통지");
        out.row(id, year, "PUBLISH", notice.plusDays(days), "고용정책심의회 공표 결정");
    }

    /** A submission time in October of Y-1: by the 15th, or after it when late. */
    private LocalDateTime submitted(boolean late) {
        LocalDate day = late ? LocalDate.of(year - 1, 10, 16 + random.nextInt(14))
                : LocalDate.of(year - 1, 9, 15).plusDays(random.nextInt(31));
        return day.atTime(9 + random.nextInt(9), random.nextInt(60));
    }

    private static String at(LocalDateTime time) {
        return time + ":00+09:00";
    }
}
