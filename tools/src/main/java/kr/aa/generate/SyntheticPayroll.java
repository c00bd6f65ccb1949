package kr.aa.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kr.aa.io.CsvWriter;

/**
 * Writes {@code payroll.csv} for a generated bundle, streaming, one row per employee of Y-1: the people of
 * each workplace's latest valid table (one per counted worker of each cell, the cell's women as F), and
 * about 8 % more who worked part of the year. Pay follows a scale by level and tenure, with job-type
 * differences, allowances, performance pay for some, lower pay for non-regular work, and a gender gap that
 * is wider where an industry employs fewer women. Rare extra rows break the payroll rules in turn, and
 * one person in about 20,000 has a gender other than F or M. Keys are pseudonymous: E plus a sequence.
 */
final class SyntheticPayroll {

    private static final List<String> COLUMNS = List.of("employer_id", "employee_key", "gender", "employment_type",
            "level", "job_type", "hired_on", "months_worked", "base_pay_krw", "allowances_krw",
            "performance_pay_krw", "other_pay_krw");
    /** Base pay range by level I, II, III, in KRW a year, before tenure. */
    private static final long[][] BASE_PAY = {{90_000_000, 150_000_000}, {55_000_000, 85_000_000},
        {30_000_000, 50_000_000}};
    /** Tenure range by level I, II, III, in years. */
    private static final int[][] TENURE = {{15, 35}, {8, 30}, {1, 25}};
    private static final double[] JOB_TYPE_PAY = {1.15, 1.15, 1.05, 1.0, 0.85, 0.9, 0.85, 0.95, 0.95, 0.75};
    private static final double RAISE_PER_YEAR = 0.025;
    private static final double PART_YEAR_SHARE = 0.08;
    private static final int OTHER_GENDER_EVERY = 19_997;
    private static final int BROKEN_EVERY = 2_000;
    private static final List<String> BREAKS = List.of("UNKNOWN_EMPLOYER", "BAD_VALUE", "HIRED_AFTER_PERIOD",
            "DUPLICATE_EMPLOYEE");
    private static final String[][] BAD_VALUES = {{"gender", ""}, {"employment_type", "TEMP"},
        {"months_worked", "13"}, {"months_worked", "0"}, {"hired_on", "2024-13-01"}, {"base_pay_krw", "-5"},
        {"base_pay_krw", "12,000"}, {"allowances_krw", "abc"}};

    private final int year;
    private final SplittableRandom random;
    private long people;
    private int broken;

    SyntheticPayroll(int reportingYear, SplittableRandom random) {
        this.year = reportingYear - 1;
        this.random = random;
    }

    void write(Path file, Map<BundleGenerator.Workplace, BundleGenerator.Table> staff) {
        try (CsvWriter out = new CsvWriter(file, COLUMNS)) {
            String employerId = null;
            int key = 0;
            for (var entry : staff.entrySet()) {
                BundleGenerator.Workplace workplace = entry.getKey();
                if (!workplace.employer().id().equals(employerId)) {
                    employerId = workplace.employer().id();
                    key = 0;
                }
                double womenPaid = 0.78 + 0.3 * workplace.industry().femaleShare();
                for (BundleGenerator.Cell cell : entry.getValue().cells()) {
                    int total = Integer.parseInt(cell.total());
                    int women = Integer.parseInt(cell.women());
                    for (int i = 0; i < total; i++) {
                        key = person(out, employerId, key, i < women ? "F" : "M", cell.level(),
                                Integer.parseInt(cell.jobType()), 12, womenPaid);
                    }
                }
                long partYear = Math.round(workplace.workers() * PART_YEAR_SHARE);
                for (int i = 0; i < partYear; i++) {
                    key = person(out, employerId, key, random.nextDouble() < 0.4 ? "F" : "M", "III",
                            new int[] {3, 4, 5, 9}[random.nextInt(4)], 1 + random.nextInt(11), womenPaid);
                }
            }
        }
    }

    /** Writes one person (and, now and then, a broken row after it); returns the employer's next key. */
    private int person(CsvWriter out, String employerId, int key, String gender, String level, int jobType,
            int months, double womenPaid) {
        int levelIndex = level.length() - 1;
        int tenure = TENURE[levelIndex][0] + random.nextInt(TENURE[levelIndex][1] - TENURE[levelIndex][0] + 1);
        // joiners start in Y-1 and work to its end; everyone else was hired before Y-1 began
        LocalDate hired = months < 12 && random.nextBoolean()
                ? LocalDate.of(year, 13 - months, 1 + random.nextInt(28))
                : LocalDate.of(year - tenure, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String employmentType = employmentType(gender, jobType);
        double base = BASE_PAY[levelIndex][0] + random.nextDouble() * (BASE_PAY[levelIndex][1] - BASE_PAY[levelIndex][0]);
        base *= (1 + RAISE_PER_YEAR * (year - hired.getYear())) * JOB_TYPE_PAY[jobType] * typePay(employmentType)
                * (gender.equals("F") ? womenPaid : 1) * months / 12.0;
        long allowances = krw(base * (0.08 + 0.12 * random.nextDouble()));
        long performance = levelIndex < 2 ? krw(base * (0.05 + 0.25 * random.nextDouble()))
                : random.nextDouble() < 0.6 ? krw(base * 0.1 * random.nextDouble()) : 0;
        long other = random.nextDouble() < 0.3 ? krw(2_000_000 * random.nextDouble()) : 0;
        people++;
        String written = people % OTHER_GENDER_EVERY == 0 ? "X" : gender;
        String employeeKey = "E" + (1_000_000 + key);
        List<Object> row = List.of(employerId, employeeKey, written, employmentType, level, jobType, hired.toString(),
                months, krw(base), allowances, performance, other);
        out.row(row);
        if (people % BROKEN_EVERY == 0) {
            out.row(broken(row));
        }
        return key + 1;
    }

    /** A copy of a row breaking one payroll rule, the rules taking turns. */
    private List<Object> broken(List<Object> row) {
        Object[] values = row.toArray();
        String rule = BREAKS.get(broken % BREAKS.size());
        switch (rule) {
            case "UNKNOWN_EMPLOYER" -> values[0] = String.format("999-99-%05d", broken);
            case "BAD_VALUE" -> {
                String[] bad = BAD_VALUES[(broken / BREAKS.size()) % BAD_VALUES.length];
                values[COLUMNS.indexOf(bad[0])] = bad[1];
                values[1] = values[1] + "B";
            }
            case "HIRED_AFTER_PERIOD" -> {
                values[COLUMNS.indexOf("hired_on")] = LocalDate.of(year + 1, 1, 15).toString();
                values[1] = values[1] + "H";
            }
            default -> { } // DUPLICATE_EMPLOYEE: the same key again
        }
        broken++;
        return List.of(values);
    }

    private String employmentType(String gender, int jobType) {
        double nonRegular = 0.08 + (gender.equals("F") ? 0.1 : 0) + (jobType == 4 || jobType == 5 || jobType == 9 ? 0.1 : 0);
        if (random.nextDouble() >= nonRegular) {
            return "REGULAR";
        }
        double draw = random.nextDouble();
        return draw < 0.4 ? "OPEN_ENDED" : draw < 0.75 ? "FIXED_TERM" : draw < 0.95 ? "PART_TIME" : "OTHER";
    }

    private static double typePay(String employmentType) {
        return switch (employmentType) {
            case "OPEN_ENDED" -> 0.9;
            case "FIXED_TERM" -> 0.85;
            case "PART_TIME" -> 0.55;
            case "OTHER" -> 0.8;
            default -> 1.0;
        };
    }

    private static long krw(double amount) {
        return Math.round(amount / 1000) * 1000;
    }
}
