package kr.aa.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import kr.aa.io.CsvWriter;

/**
 * Writes a realistic, seeded submission bundle for reporting year Y: {@code employers.csv} (one row per employer),
 * {@code workplaces.csv} (per workplace), {@code monthly_workforce.csv} (per employer and month of Y-1),
 * {@code headcount_headers.csv} (per submitted table), {@code headcounts.csv} (per non-zero cell) and {@code payroll.csv}
 * (per employee of Y-1: the people of each workplace's table, and some who worked part of the year). Korean names
 * and addresses, all 20 industry groups with their typical female shares, both size classes, public bodies and
 * disclosure groups, partial years (half of them with the months before opening at 0 employees), and the cases the
 * cycle must handle: about 5 % non-submitters, 5 % resubmitted tables, 3 % late tables and 3 % broken tables, each
 * breaking one rejection rule in turn (the first bad cell in a table of an obliged employer with other workplaces,
 * which is then partly rejected). The same arguments always give the same bytes.
 *
 * <p>Consecutive years ({@link #writeYears}) share the employers and workplaces, whose female shares drift
 * a little from year to year; from the second year a bundle also holds {@code plans.csv} (the plans of the
 * employers the previous year's tables put below the standard, some late, a few missing or resubmitted, some
 * with a target no higher than the current figure, and a few voluntary plans of employers above it),
 * {@code performance.csv} (reports on the required plans of two years before, some short of target, late or
 * missing) and {@code actions.csv}. About one employer in 37 is a laggard, far below the standard every year;
 * the laggards take turns at the cases of list publication: urged in the year before last, then in the last
 * year a written notice on the notification date and a decision to publish 40 days after it, or only 30; an
 * urge followed; never urged; an exception for effort; a plan without a supplement and no report. A few
 * records of each compliance file are broken.</p>
 */
public final class BundleGenerator {

    /** An industry group as the generator sees it: KSIC codes to draw from, a typical female share, a trade word. */
    record Industry(String group, List<String> ksicCodes, double femaleShare, String trade) {
    }

    private static final List<Industry> INDUSTRIES = List.of(
            new Industry("G01", List.of("A", "B", "C", "C1011"), 0.12, "자원"),
            new Industry("G02", List.of("D15", "D17", "D18", "D22", "D1512"), 0.45, "식품"),
            new Industry("G03", List.of("D20", "D21", "D36"), 0.30, "제지"),
            new Industry("G04", List.of("D24", "D27", "D29", "D34", "D35", "D2911"), 0.10, "중공업"),
            new Industry("G05", List.of("D30", "D31", "D32", "D33", "D3211"), 0.30, "전자"),
            new Industry("G06", List.of("E"), 0.12, "에너지"),
            new Industry("G07", List.of("F"), 0.10, "건설"),
            new Industry("G08", List.of("G"), 0.45, "유통"),
            new Industry("G09", List.of("H"), 0.55, "호텔"),
            new Industry("G10", List.of("I60", "I61", "I63"), 0.12, "물류"),
            new Industry("G11", List.of("I62"), 0.40, "항공"),
            new Industry("G12", List.of("J"), 0.30, "통신"),
            new Industry("G13", List.of("K"), 0.50, "금융"),
            new Industry("G14", List.of("L"), 0.35, "개발"),
            new Industry("G15", List.of("M"), 0.35, "서비스"),
            new Industry("G16", List.of("O"), 0.55, "교육"),
            new Industry("G17", List.of("P"), 0.70, "의료"),
            new Industry("G18", List.of("Q"), 0.40, "레저"),
            new Industry("G19", List.of("R"), 0.45, "생활"),
            new Industry("G20", List.of("N", "S", "T"), 0.40, "행정"));

    private static final String[] STEMS = {"한빛", "대성", "미래", "삼한", "동방", "세종", "아람", "누리", "가온", "한결",
        "새봄", "우리", "태평", "신성", "대한", "한마음", "청솔", "금강", "백두", "한라", "동해", "서해", "중앙", "으뜸"};
    private static final String[] FAMILY = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신"};
    private static final String[] GIVEN = {"민준", "서연", "지훈", "지우", "현우", "수빈", "예준", "하은", "도윤", "서준",
        "지민", "윤서", "건우", "채원", "영희", "철수", "미경", "정호"};
    private static final String[] CITIES = {"서울특별시 강남구 테헤란로", "서울특별시 중구 세종대로", "부산광역시 해운대구 센텀로",
        "인천광역시 연수구 송도과학로", "대구광역시 북구 엑스코로", "광주광역시 서구 상무대로", "대전광역시 유성구 대학로",
        "울산광역시 남구 삼산로", "경기도 수원시 영통구 삼성로", "경상북도 구미시 산업로", "경상남도 창원시 성산구 공단로",
        "충청남도 천안시 서북구 번영로", "전라남도 여수시 산단로", "세종특별자치시 한누리대로"};
    private static final String[] SITES = {"본사", "공장", "지점", "연구소", "센터"};
    /** Weights of job types 1-9 among non-managers, and the share of each at level II. */
    private static final double[] JOB_WEIGHTS = {0, 0.10, 0.08, 0.20, 0.12, 0.12, 0.03, 0.12, 0.18, 0.05};
    private static final double LEVEL_II_SHARE = 0.08;

    private static final double PUBLIC_SHARE = 0.08;
    /** The employer that is made a public body of 30 workers (G07, few women). */
    private static final int SMALL_PUBLIC_BODY = 6;
    private static final double DISCLOSURE_GROUP_SHARE = 0.25;
    private static final double VOLUNTARY_SHARE = 0.05;
    private static final double NON_SUBMITTER_SHARE = 0.05;
    private static final double PARTIAL_YEAR_SHARE = 0.05;
    private static final double NO_MONTHLY_SHARE = 0.02;
    private static final double RESUBMISSION_SHARE = 0.05;
    private static final double LATE_SHARE = 0.03;
    /** Every this many tables, one is broken; the kinds of break take turns. */
    private static final int BROKEN_EVERY = 33;
    private static final List<String> BREAKS = List.of("UNKNOWN_EMPLOYER", "UNKNOWN_WORKPLACE", "BAD_CELL",
            "MANAGER_AT_LEVEL_III", "HEADER_MISMATCH", "DUPLICATE_CELL", "MISSING_HEADER", "EMPTY_TABLE");
    /** An employer of this size is obliged whatever its kind, however its workforce varies. */
    private static final int PARTLY_REJECTED_SIZE = 600;
    /** Every this many employers, one (from the twelfth) is a laggard; the cases of list publication take turns. */
    private static final int LAGGARD_EVERY = 37;
    static final int NO_ROLE = -1;
    static final int PUBLISHED = 0;
    static final int PUBLISHED_TOO_SOON = 1;
    static final int URGE_FOLLOWED = 2;
    static final int NOT_URGED = 3;
    static final int EFFORT = 4;
    static final int NO_REPORT = 5;
    private static final int ROLES = 6;
    /** Below this share of its industry's typical female share, an employer is taken to have been notified. */
    private static final double BELOW_STANDARD = 0.6;
    private static final double MANAGER_SHARE = 0.65;

    /** An employer; {@code role} is its case of list publication when it is a laggard, else {@link #NO_ROLE}. */
    record Employer(String id, String name, String representative, String address, String kind,
            boolean disclosureGroup, boolean corporation, int size, Industry industry, int role) {

        boolean laggard() {
            return role != NO_ROLE;
        }
    }

    /** A workplace, with its female share and the share of it among managers, which drift a little each year. */
    record Workplace(Employer employer, String id, String name, String address, String ksicCode,
            Industry industry, int workers, double femaleShare, double managerFactor) {
    }

    /** An employer's headcounts in its accepted tables of a year. */
    record Headcounts(long workers, long women, long managers, long womenManagers) {
    }

    /** A plan as written to {@code plans.csv}; {@code required} unless the employer made it of its own accord. */
    record Plan(String employerId, int planYear, long currentWomen, long currentWomenManagers, long targetWomen,
            long targetWomenManagers, boolean required) {
    }

    /** A cell as written, so that a broken table can hold what no valid one may. */
    record Cell(String jobType, String level, String total, String women) {
    }

    record Table(String employerId, String workplaceId, String submittedAt, List<String> header,
            List<Cell> cells) {
    }

    private final long seed;
    private final int firstYear;
    private final List<Employer> employers = new ArrayList<>();
    private final List<Workplace> workplaces = new ArrayList<>();
    /** The generator of the registry, then of the year being written. */
    private SplittableRandom random;
    private int year;
    /** The employers' headcounts in the previous year's accepted tables. */
    private Map<String, Headcounts> lastYear = Map.of();
    /** The plans the previous year's bundle held. */
    private List<Plan> lastPlans = List.of();

    private BundleGenerator(int count, long seed, int firstYear) {
        this.seed = seed;
        this.firstYear = firstYear;
        this.random = new SplittableRandom(seed);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            employers.add(employer(i, names));
        }
        employers.forEach(e -> workplaces.addAll(workplaces(e)));
    }

    /** Writes the bundle of one reporting year into {@code bundleDir}. */
    public static void write(int reportingYear, int employers, long seed, Path bundleDir) {
        new BundleGenerator(employers, seed, reportingYear).writeYear(reportingYear, bundleDir, true);
    }

    /**
     * Writes the bundles of {@code years} consecutive reporting years ending with {@code lastYear}, each in
     * {@code dir/<year>}, and returns their folders in order.
     */
    public static List<Path> writeYears(int lastYear, int years, int employers, long seed, Path dir) {
        return writeYears(lastYear, years, employers, seed, dir, true);
    }

    /**
     * {@link #writeYears(int, int, int, long, Path)}, with the payroll of the earlier years or without it (the
     * benchmark's history, whose pay no later year reads); the other files are the same either way.
     */
    public static List<Path> writeYears(int lastYear, int years, int employers, long seed, Path dir,
            boolean payrollEveryYear) {
        BundleGenerator generator = new BundleGenerator(employers, seed, lastYear - years + 1);
        List<Path> bundles = new ArrayList<>();
        for (int year = generator.firstYear; year <= lastYear; year++) {
            Path bundle = dir.resolve(Integer.toString(year));
            generator.writeYear(year, bundle, payrollEveryYear || year == lastYear);
            bundles.add(bundle);
        }
        return bundles;
    }

    private void writeYear(int reportingYear, Path dir, boolean payroll) {
        year = reportingYear;
        random = new SplittableRandom(seed * 31 + reportingYear);
        int count = employers.size();
        List<Workplace> thisYear = new ArrayList<>(workplaces);
        Set<String> nonSubmitters = new HashSet<>();
        employers.stream().filter(e -> random.nextDouble() < NON_SUBMITTER_SHARE && !e.laggard())
                .forEach(e -> nonSubmitters.add(e.id()));
        if (count >= 200) {
            // a few submitting workplaces with a code the classification does not know: UNKNOWN_INDUSTRY
            for (int i = 1; i <= 3; i++) {
                int at = i * thisYear.size() / 4;
                while (nonSubmitters.contains(thisYear.get(at).employer().id()) || thisYear.get(at).employer().laggard()) {
                    at++;
                }
                Workplace w = thisYear.get(at);
                thisYear.set(at, new Workplace(w.employer(), w.id(), w.name(), w.address(), "Z99", w.industry(),
                        w.workers(), w.femaleShare(), w.managerFactor()));
            }
        }
        List<Table> tables = new ArrayList<>();
        List<Integer> latest = new ArrayList<>();
        Map<Workplace, Table> staff = new LinkedHashMap<>();
        for (Workplace workplace : thisYear) {
            LocalDateTime submitted = submissionTime();
            int workers = (int) Math.round(workplace.workers() * (0.97 + 0.06 * random.nextDouble()));
            Table people = table(workplace, submitted, Math.max(workers, 1));
            staff.put(workplace, people);
            if (nonSubmitters.contains(workplace.employer().id())) {
                continue;
            }
            if (random.nextDouble() < RESUBMISSION_SHARE) {
                tables.add(table(workplace, submitted.minusDays(1 + random.nextInt(20)), workers + 7));
            }
            latest.add(tables.size());
            tables.add(people);
        }
        if (count >= 50) {
            // only latest tables are validated, so only they are broken; the first bad cell is in a table of an
            // obliged employer with other workplaces, whose submission is then partly rejected
            Set<String> laggards = new HashSet<>();
            employers.stream().filter(Employer::laggard).forEach(e -> laggards.add(e.id()));
            Set<String> partlyRejectable = new HashSet<>();
            thisYear.stream().filter(w -> !w.id().equals("W01") && w.employer().size() >= PARTLY_REJECTED_SIZE)
                    .forEach(w -> partlyRejectable.add(w.employer().id()));
            for (int i = BROKEN_EVERY / 2, kind = 0; i < latest.size(); i += BROKEN_EVERY, kind++) {
                boolean partly = kind == BREAKS.indexOf("BAD_CELL");
                while (i < latest.size() - 1 && (laggards.contains(tables.get(latest.get(i)).employerId())
                        || partly && !partlyRejectable.contains(tables.get(latest.get(i)).employerId()))) {
                    i++;
                }
                int at = latest.get(i);
                tables.set(at, broken(tables.get(at), BREAKS.get(kind % BREAKS.size()), at));
            }
        }
        tables.sort(Comparator.comparing(Table::employerId).thenComparing(Table::workplaceId)
                .thenComparing(Table::submittedAt));
        writeFiles(dir, employers, thisYear, tables);
        SplittableRandom payrollRandom = new SplittableRandom(random.nextLong());
        if (payroll) {
            new SyntheticPayroll(year, payrollRandom).write(dir.resolve("payroll.csv"), staff);
        }
        lastPlans = lastYear.isEmpty() ? List.of()
                : new ComplianceWriter(year, year - firstYear, random).write(dir, employers, lastYear, lastPlans);
        lastYear = headcounts(staff, nonSubmitters);
    }

    /** Each submitting employer's headcounts in its valid tables of the year. */
    private static Map<String, Headcounts> headcounts(Map<Workplace, Table> staff, Set<String> nonSubmitters) {
        Map<String, Headcounts> counts = new LinkedHashMap<>();
        staff.forEach((workplace, table) -> {
            if (!nonSubmitters.contains(table.employerId())) {
                List<String> h = table.header();
                counts.merge(table.employerId(), new Headcounts(Long.parseLong(h.get(0)), Long.parseLong(h.get(1)),
                        Long.parseLong(h.get(2)), Long.parseLong(h.get(3))), (a, b) -> new Headcounts(
                        a.workers() + b.workers(), a.women() + b.women(), a.managers() + b.managers(),
                        a.womenManagers() + b.womenManagers()));
            }
        });
        return counts;
    }

    /** Whether an employer's headcounts are likely below its comparison group's standard, on either ratio. */
    static boolean likelyNotified(Employer employer, Headcounts counts) {
        double typical = employer.industry().femaleShare();
        return employer.laggard() || counts.women() < BELOW_STANDARD * typical * counts.workers()
                || counts.womenManagers() < BELOW_STANDARD * MANAGER_SHARE * typical * counts.managers();
    }

    private Employer employer(int index, Set<String> names) {
        Industry industry = index < INDUSTRIES.size() ? INDUSTRIES.get(index)
                : INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
        String id = String.format("%03d-%02d-%05d", 101 + index % 800, 81 + random.nextInt(8), index);
        boolean publicBody = random.nextDouble() < PUBLIC_SHARE;
        String kind = !publicBody ? "PRIVATE" : random.nextBoolean() ? "PUBLIC_INSTITUTION" : "LOCAL_PUBLIC";
        boolean group = !publicBody && random.nextDouble() < DISCLOSURE_GROUP_SHARE;
        int size;
        if (publicBody) {
            size = 100 + random.nextInt(2900);
        } else if (random.nextDouble() < VOLUNTARY_SHARE) {
            size = group ? 150 + random.nextInt(150) : 200 + random.nextInt(300);
        } else if (random.nextDouble() < 0.58) {
            size = 500 + random.nextInt(500);
        } else {
            size = (int) Math.round(1000 * Math.exp(random.nextDouble() * Math.log(3)));
        }
        if (index == SMALL_PUBLIC_BODY) {
            // a small public body, so that the pay disclosure's suppression shows in every bundle
            publicBody = true;
            kind = "PUBLIC_INSTITUTION";
            group = false;
            size = 30;
        }
        String stem = pick(STEMS);
        String name = publicBody ? (kind.equals("LOCAL_PUBLIC") ? stem + "도시" + industry.trade() + "공사"
                : "한국" + industry.trade() + pick(new String[] {"공사", "공단", "진흥원"}))
                : random.nextBoolean() ? stem + industry.trade() + " 주식회사" : "(주)" + stem + industry.trade();
        for (int n = 2; !names.add(name); n++) {
            name = name.replaceAll(" \\d+$", "") + " " + n;
        }
        boolean laggard = index % LAGGARD_EVERY == LAGGARD_EVERY - 26 && !publicBody && size >= 500;
        return new Employer(id, name, person(), address(), kind, group, publicBody || random.nextDouble() < 0.95,
                size, industry, laggard ? index / LAGGARD_EVERY % ROLES : NO_ROLE);
    }

    private List<Workplace> workplaces(Employer employer) {
        double draw = random.nextDouble();
        int count = draw < 0.7 ? 1 : draw < 0.9 ? 2 : 3;
        List<Workplace> workplaces = new ArrayList<>();
        int remaining = employer.size();
        for (int i = 0; i < count; i++) {
            int workers = i == count - 1 ? remaining : (int) (remaining * (0.4 + 0.3 * random.nextDouble()));
            remaining -= workers;
            Industry industry = i > 0 && random.nextDouble() < 0.1 ? INDUSTRIES.get(random.nextInt(INDUSTRIES.size()))
                    : employer.industry();
            String site = i == 0 ? SITES[0] : CITIES[random.nextInt(CITIES.length)].split(" ")[0] + SITES[1 + random.nextInt(SITES.length - 1)];
            double femaleShare = employer.laggard() ? industry.femaleShare() * 0.15
                    : Math.min(0.95, industry.femaleShare() * (0.5 + random.nextDouble()));
            double managerFactor = employer.laggard() ? 0.1 : 0.4 + 0.5 * random.nextDouble();
            workplaces.add(new Workplace(employer, String.format("W%02d", i + 1), employer.name() + " " + site,
                    address(), industry.ksicCodes().get(random.nextInt(industry.ksicCodes().size())), industry, workers,
                    femaleShare, managerFactor));
        }
        return workplaces;
    }

    private LocalDateTime submissionTime() {
        LocalDate day = random.nextDouble() < LATE_SHARE ? LocalDate.of(year, 6, 1 + random.nextInt(20))
                : LocalDate.of(year, 3, 1).plusDays(random.nextInt(92));
        return day.atTime(9 + random.nextInt(9), random.nextInt(60), random.nextInt(60));
    }

    /** A valid Form 5 table of a workplace: managers at levels I-II, the rest spread over job types 1-9. */
    private Table table(Workplace workplace, LocalDateTime submitted, int workers) {
        double femaleShare = Math.min(0.95, workplace.femaleShare() * (0.95 + 0.1 * random.nextDouble()));
        int managers = Math.max(1, (int) Math.round(workers * (0.03 + 0.07 * random.nextDouble())));
        int executives = Math.max(1, managers / 10);
        double managerShare = femaleShare * workplace.managerFactor();
        List<int[]> cells = new ArrayList<>();
        cells.add(cell(0, 1, executives, managerShare / 2));
        cells.add(cell(0, 2, managers - executives, managerShare));
        int staff = workers - managers;
        int assigned = 0;
        for (int jobType = 1; jobType <= 9; jobType++) {
            int total = jobType == 9 ? staff - assigned : (int) Math.round(staff * JOB_WEIGHTS[jobType]);
            total = Math.min(total, staff - assigned);
            assigned += total;
            int levelII = jobType <= 5 ? (int) Math.round(total * LEVEL_II_SHARE) : 0;
            cells.add(cell(jobType, 2, levelII, femaleShare * 0.6));
            cells.add(cell(jobType, 3, total - levelII, femaleShare));
        }
        List<Cell> written = new ArrayList<>();
        int women = 0;
        int womenManagers = 0;
        for (int[] c : cells) {
            if (c[2] > 0) {
                written.add(new Cell(Integer.toString(c[0]), c[1] == 1 ? "I" : c[1] == 2 ? "II" : "III",
                        Integer.toString(c[2]), Integer.toString(c[3])));
                women += c[3];
                womenManagers += c[0] == 0 ? c[3] : 0;
            }
        }
        List<String> header = List.of(Integer.toString(workers), Integer.toString(women), Integer.toString(managers),
                Integer.toString(womenManagers));
        return new Table(workplace.employer().id(), workplace.id(), submitted + "+09:00", header, written);
    }

    private int[] cell(int jobType, int level, int total, double femaleShare) {
        double share = Math.max(0, Math.min(1, femaleShare * (0.7 + 0.6 * random.nextDouble())));
        return new int[] {jobType, level, total, (int) Math.round(total * share)};
    }

    /** The table with one rejection rule broken. */
    private Table broken(Table table, String rule, int index) {
        List<Cell> cells = new ArrayList<>(table.cells());
        Cell first = cells.get(0);
        Cell last = cells.get(cells.size() - 1);
        return switch (rule) {
            case "UNKNOWN_EMPLOYER" -> new Table(String.format("999-99-%05d", index), table.workplaceId(),
                    table.submittedAt(), table.header(), cells);
            case "UNKNOWN_WORKPLACE" -> new Table(table.employerId(), "W99", table.submittedAt(), table.header(), cells);
            case "BAD_CELL" -> {
                cells.set(cells.size() - 1, switch (index % 3) {
                    case 0 -> new Cell(last.jobType(), last.level(), last.total(), Integer.toString(Integer.parseInt(last.total()) + 1));
                    case 1 -> new Cell("12", last.level(), last.total(), last.women());
                    default -> new Cell(last.jobType(), last.level(), "abc", last.women());
                });
                yield new Table(table.employerId(), table.workplaceId(), table.submittedAt(), table.header(), cells);
            }
            case "MANAGER_AT_LEVEL_III" -> {
                cells.set(0, new Cell(first.jobType(), "III", first.total(), first.women()));
                yield new Table(table.employerId(), table.workplaceId(), table.submittedAt(), table.header(), cells);
            }
            case "HEADER_MISMATCH" -> {
                List<String> header = new ArrayList<>(table.header());
                header.set(0, Integer.toString(Integer.parseInt(header.get(0)) + 3));
                yield new Table(table.employerId(), table.workplaceId(), table.submittedAt(), header, cells);
            }
            case "DUPLICATE_CELL" -> {
                cells.add(last);
                yield new Table(table.employerId(), table.workplaceId(), table.submittedAt(), table.header(), cells);
            }
            case "MISSING_HEADER" -> new Table(table.employerId(), table.workplaceId(), table.submittedAt(), null, cells);
            case "EMPTY_TABLE" -> new Table(table.employerId(), table.workplaceId(), table.submittedAt(),
                    List.of("0", "0", "0", "0"), List.of());
            default -> throw new IllegalArgumentException(rule);
        };
    }

    private void writeFiles(Path dir, List<Employer> employers, List<Workplace> workplaces, List<Table> tables) {
        try (var out = new CsvWriter(dir.resolve("employers.csv"), List.of("employer_id", "name", "representative",
                "address", "kind", "disclosure_group", "corporation"))) {
            employers.forEach(e -> out.row(e.id(), e.name(), e.representative(), e.address(), e.kind(),
                    e.disclosureGroup(), e.corporation()));
        }
        try (var out = new CsvWriter(dir.resolve("workplaces.csv"), List.of("employer_id", "workplace_id", "name",
                "address", "ksic_code"))) {
            workplaces.forEach(w -> out.row(w.employer().id(), w.id(), w.name(), w.address(), w.ksicCode()));
        }
        try (var out = new CsvWriter(dir.resolve("monthly_workforce.csv"), List.of("employer_id", "month",
                "employees"))) {
            for (Employer e : employers) {
                double draw = random.nextDouble();
                int firstMonth = draw < NO_MONTHLY_SHARE ? 13 : draw < NO_MONTHLY_SHARE + PARTIAL_YEAR_SHARE
                        ? 4 + random.nextInt(7) : 1;
                // half the businesses that opened during the year report the months before at 0 employees
                int firstRow = firstMonth <= 12 && random.nextBoolean() ? 1 : firstMonth;
                for (int month = firstRow; month <= 12; month++) {
                    int employees = month < firstMonth ? 0 : (int) Math.round(e.size() * (0.97 + 0.06 * random.nextDouble()));
                    out.row(e.id(), String.format("%d-%02d", year - 1, month), employees);
                }
            }
        }
        try (var headers = new CsvWriter(dir.resolve("headcount_headers.csv"), List.of("employer_id", "workplace_id",
                "submitted_at", "workers", "women", "managers", "women_managers"));
             var cells = new CsvWriter(dir.resolve("headcounts.csv"), List.of("employer_id", "workplace_id",
                     "submitted_at", "job_type", "level", "total", "women"))) {
            for (Table t : tables) {
                if (t.header() != null) {
                    List<Object> row = new ArrayList<>(List.of(t.employerId(), t.workplaceId(), t.submittedAt()));
                    row.addAll(t.header());
                    headers.row(row);
                }
                t.cells().forEach(c -> cells.row(t.employerId(), t.workplaceId(), t.submittedAt(), c.jobType(),
                        c.level(), c.total(), c.women()));
            }
        }
    }

    private String person() {
        return pick(FAMILY) + pick(GIVEN);
    }

    private String address() {
        String floor = random.nextInt(10) == 0 ? ", " + (2 + random.nextInt(20)) + "층" : "";
        return pick(CITIES) + " " + (1 + random.nextInt(300)) + floor;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
