package kr.aa.pay;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import kr.aa.ingest.Counts;
import kr.aa.ingest.Registry;
import kr.aa.io.CsvTable;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks each row of {@code payroll.csv} on its own (data contract, "Input: payroll"): {@code UNKNOWN_EMPLOYER},
 * {@code BAD_VALUE} (every bad field of the row in one message) and {@code HIRED_AFTER_PERIOD}. A row with
 * the same key as another of its employer ({@code DUPLICATE_EMPLOYEE}) is found later, over all rows at
 * once. A gender other than F or M is no error: the row is kept, and left out of the figures and counted.
 * A message names the field and never repeats a pay amount, good or bad: the rejections go back to employers
 * (docs/rules.md, "Payroll rules").
 */
public final class PayrollValidator implements ItemProcessor<CsvTable.Row, PayrollRow> {

    static final Set<String> LEVELS = Set.of("I", "II", "III");
    static final List<String> PAY_COLUMNS = List.of("base_pay_krw", "allowances_krw", "performance_pay_krw",
            "other_pay_krw");
    private static final int MONTHS = 12;

    private final Registry registry;
    private final LocalDate periodEnd;
    private final List<String> employmentTypes;

    /**
     * Checks rows of the pay of {@code payYear} against the registry, with the employment types the rule version
     * knows (docs/rules.md, "Pay population").
     */
    public PayrollValidator(Registry registry, int payYear, List<String> employmentTypes) {
        this.registry = registry;
        this.periodEnd = LocalDate.of(payYear, 12, 31);
        this.employmentTypes = employmentTypes;
    }

    /** The months of the pay period from the hiring month on: all twelve for someone hired before it. */
    private int monthsSinceHiring(LocalDate hiredOn) {
        return hiredOn.getYear() < periodEnd.getYear() ? MONTHS : MONTHS - hiredOn.getMonthValue() + 1;
    }

    @Override
    public PayrollRow process(CsvTable.Row row) {
        List<PayrollRow.Rejection> rejections = new ArrayList<>();
        String employerId = row.get("employer_id").trim();
        if (registry.employer(employerId) == null) {
            rejections.add(new PayrollRow.Rejection("UNKNOWN_EMPLOYER", "employer " + employerId
                    + " is not in employers.csv; check the business registration number"));
        }
        List<String> bad = new ArrayList<>();
        String key = row.get("employee_key").trim();
        if (key.isEmpty()) {
            bad.add("employee_key is empty");
        }
        String gender = row.get("gender").trim();
        if (gender.isEmpty()) {
            bad.add("gender is empty");
        }
        String employmentType = row.get("employment_type").trim();
        if (!employmentTypes.contains(employmentType)) {
            bad.add("employment_type '" + employmentType + "' is not "
                    + String.join(", ", employmentTypes.subList(0, employmentTypes.size() - 1)) + " or "
                    + employmentTypes.get(employmentTypes.size() - 1));
        }
        String level = row.get("level").trim();
        if (!LEVELS.contains(level)) {
            bad.add("level '" + level + "' is not I, II or III");
        }
        String jobType = row.get("job_type").trim();
        if (jobType.length() != 1 || jobType.charAt(0) < '0' || jobType.charAt(0) > '9') {
            bad.add("job_type '" + jobType + "' is not a job type 0-9");
        }
        int months = Counts.parse(row.get("months_worked").trim()).orElse(0);
        boolean monthsRead = months >= 1 && months <= MONTHS;
        if (!monthsRead) {
            bad.add("months_worked '" + row.get("months_worked") + "' is not a whole number from 1 to 12");
        }
        LocalDate hiredOn = null;
        try {
            hiredOn = LocalDate.parse(row.get("hired_on").trim());
        } catch (DateTimeParseException e) {
            bad.add("hired_on '" + row.get("hired_on") + "' is not a date YYYY-MM-DD");
        }
        if (monthsRead && hiredOn != null && !hiredOn.isAfter(periodEnd) && months > monthsSinceHiring(hiredOn)) {
            bad.add("months_worked " + months + " is more than the " + monthsSinceHiring(hiredOn)
                    + " months from the hiring month " + YearMonth.from(hiredOn) + " to " + YearMonth.from(periodEnd));
        }
        long[] pay = new long[PAY_COLUMNS.size()];
        for (int i = 0; i < pay.length; i++) {
            OptionalLong amount = Counts.parseKrw(row.get(PAY_COLUMNS.get(i)).trim());
            if (amount.isEmpty()) {
                bad.add(PAY_COLUMNS.get(i) + " is not a whole number of KRW >= 0");
            }
            pay[i] = amount.orElse(0);
        }
        if (!bad.isEmpty()) {
            rejections.add(new PayrollRow.Rejection("BAD_VALUE", String.join("; ", bad) + "; correct the row"));
        }
        if (hiredOn != null && hiredOn.isAfter(periodEnd)) {
            rejections.add(new PayrollRow.Rejection("HIRED_AFTER_PERIOD", "hired_on " + hiredOn + " is after "
                    + periodEnd + ", the end of the pay period; leave this employee out of " + periodEnd.getYear()
                    + "'s payroll"));
        }
        return new PayrollRow(row.line(), employerId, key, gender, employmentType, level,
                rejections.isEmpty() ? Integer.parseInt(jobType) : 0, rejections.isEmpty() ? hiredOn.toString() : null,
                months, pay, rejections);
    }
}
