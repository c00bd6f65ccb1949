package kr.aa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleVersionTest {

    @ParameterizedTest
    @CsvSource({
        "seeds,   0.6, 500,  300,  2025-05-31, 2025-08-01, 2025-10-15",
        "kr-2006, 0.6, 1000, 1000, 2007-05-31, 2007-08-01, 2007-10-15",
        "kr-2014, 0.7, 500,  500,  2015-03-31,           , 2016-03-31",
        "kr-2020, 0.7, 500,  300,  2021-04-30,           , 2022-04-30"})
    void everyVersionStatesItsFactorThresholdsAndDates(String id, BigDecimal factor, long workforce,
            long groupWorkforce, LocalDate headcountDue, LocalDate notifyBy, LocalDate planDue) {
        RuleVersion rules = RuleVersion.load(id);
        int year = headcountDue.getYear();
        assertEquals(id, rules.id());
        assertEquals(0, factor.compareTo(rules.factor()));
        assertEquals(workforce, rules.obligationFor(year).workforce());
        assertEquals(groupWorkforce, rules.obligationFor(year).groupWorkforce());
        assertEquals(headcountDue, rules.dates().headcountDue().in(year));
        assertEquals(notifyBy, rules.dates().notifyBy() == null ? null : rules.dates().notifyBy().in(year));
        assertEquals(planDue, rules.dates().planDue().in(year));
        assertEquals(0, new BigDecimal("0.5").compareTo(rules.femaleRatioProviso()));
    }

    @Test
    void kr2006ObligesFiveHundredFromMarch2008() {
        RuleVersion rules = RuleVersion.load("kr-2006");
        assertEquals(1000, rules.obligationFor(2007).workforce());
        assertEquals(500, rules.obligationFor(2008).workforce());
    }

    @Test
    void aTableIsLateFromTheDayAfterTheDueDateInSeoul() {
        ZonedDateTime lateFrom = RuleVersion.load("seeds").headcountLateFrom(2025);
        assertEquals("2025-06-01T00:00+09:00[Asia/Seoul]", lateFrom.toString());
    }

    @Test
    void anUnknownVersionNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> RuleVersion.load("kr-1999"));
        assertEquals("no rule version 'kr-1999' in config/rules/ (seeds, kr-2006, kr-2014, kr-2020,"
                + " or a path to a .json file)", e.getMessage());
    }

    @Test
    void laterVersionsFixNoNotificationDate() {
        assertNull(RuleVersion.load("kr-2014").dates().notifyBy());
    }

    @ParameterizedTest
    @CsvSource({"seeds, 2024-10-16T00:00+09:00[Asia/Seoul]", "kr-2014, 2015-04-01T00:00+09:00[Asia/Seoul]"})
    void aPlanIsLateFromTheDayAfterItsPlanYearsDueDate(String id, String lateFrom) {
        RuleVersion rules = RuleVersion.load(id);
        assertEquals(lateFrom, rules.lateFrom(rules.dates().planDue(), id.equals("seeds") ? 2024 : 2014).toString());
    }

    @ParameterizedTest
    @CsvSource({"seeds", "kr-2006", "kr-2014", "kr-2020"})
    void everyVersionStatesTheNoticeAndPublicationPeriodsOfTheDecree(String id) {
        RuleVersion.Compliance compliance = RuleVersion.load(id).compliance();
        assertEquals("30 30 6 3", compliance.supplementAnswerDays() + " " + compliance.noticeDays() + " "
                + compliance.publicationMonths() + " " + compliance.failedYears());
        assertEquals(0, new BigDecimal("100").compareTo(compliance.poorBelowPct()));
    }
}
