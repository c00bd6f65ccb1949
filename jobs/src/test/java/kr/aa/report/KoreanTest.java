package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A document shows the CSV's figures as Korean readers expect them, every digit kept (docs/rules.md, "Documents"). */
class KoreanTest {

    @Test
    void amountsAndHeadcountsGetThousandsSeparators() {
        assertEquals("59,876,000원", Korean.won("59876000"));
        assertEquals("1,250명", Korean.people("1250"));
        assertEquals("999", Korean.number("999"));
        assertEquals("-1,234.50", Korean.number("-1234.50"));
        assertEquals("561.17", Korean.number("561.17"));
        assertEquals("", Korean.won(""));
    }

    @Test
    void ratiosArePercentagesWithEveryDecimalOfTheCsv() {
        assertEquals("8.0000%", Korean.percentOfFraction("0.080000"));
        assertEquals("100.0000%", Korean.percentOfFraction("1.000000"));
        assertEquals("0.9547%", Korean.percentOfFraction("0.009547"));
        assertEquals("-12.34%", Korean.percent("-12.34"));
        assertEquals("", Korean.percentOfFraction(""));
    }

    @Test
    void datesInProse() {
        assertEquals("2025년 8월 1일", Korean.date("2025-08-01"));
        assertEquals("2025년 10월 15일", Korean.date("2025-10-15"));
        assertEquals("", Korean.date(""));
    }
}
