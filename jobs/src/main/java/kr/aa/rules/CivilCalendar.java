package kr.aa.rules;

import java.time.LocalDate;

/** Periods of months as the Civil Act counts them (docs/rules.md, "Publication period"). */
public final class CivilCalendar {

    private CivilCalendar() {
    }

    /**
     * The last day of a period of {@code months} months whose first day is {@code first}: the day before the
     * date that corresponds to {@code first} in the last month, or that month's last day where it has no
     * corresponding date (Civil Act Art. 160(2)-(3)). From 2025-06-10, six months end on 2025-12-09; from
     * 2025-08-30 or 2025-08-31, on 2026-02-28.
     */
    public static LocalDate lastDayOfMonths(LocalDate first, int months) {
        LocalDate sameMonth = first.plusMonths(months);
        boolean corresponding = sameMonth.getDayOfMonth() == first.getDayOfMonth();
        return corresponding ? sameMonth.minusDays(1) : sameMonth;
    }
}
