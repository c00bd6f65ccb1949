package kr.aa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CivilCalendarTest {

    @ParameterizedTest
    @CsvSource({
        // the day before the corresponding date (Civil Act Art. 160(2))
        "2025-06-10, 2025-12-09",
        "2025-08-28, 2026-02-27",
        "2025-09-01, 2026-02-28",
        "2023-08-29, 2024-02-28",
        // no corresponding date: the last day of that month (Art. 160(3))
        "2025-08-29, 2026-02-28",
        "2025-08-30, 2026-02-28",
        "2025-08-31, 2026-02-28",
        "2025-10-31, 2026-04-30"})
    void sixMonthsOfPublicationEndAsTheCivilActCountsThem(LocalDate first, LocalDate last) {
        assertEquals(last, CivilCalendar.lastDayOfMonths(first, 6));
    }
}
