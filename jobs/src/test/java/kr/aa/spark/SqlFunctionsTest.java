package kr.aa.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SqlFunctionsTest {

    private static String halfUp(Object numerator, Object denominator, int scale) {
        return SqlFunctions.halfUp(numerator, denominator, scale).toPlainString();
    }

    @Test
    void aGapJustBelowAHalfIsRoundedOnceAndDown() {
        // 5 men paid 250,000,000 KRW in all, 5 women 219,137,501: the mean gap is exactly 12.3449996 %
        assertEquals("12.34", halfUp((250_000_000L * 5 - 219_137_501L * 5) * 100, 250_000_000L * 5, 2));
        // medians of 50,000,065 and 43,827,557: 12.34499995... %
        assertEquals("12.34", halfUp(new BigDecimal(50_000_065 - 43_827_557).multiply(BigDecimal.valueOf(100)),
                new BigDecimal("50000065"), 2));
    }

    @Test
    void anExactHalfGoesAwayFromZero() {
        assertEquals("12.35", halfUp(12345L, 1000L, 2));
        assertEquals("0.000002", halfUp(3L, 2_000_000L, 6));
        assertEquals("-12.35", halfUp(-12345L, 1000L, 2));
    }

    @Test
    void noDenominatorGivesNoQuotient() {
        assertNull(SqlFunctions.halfUp(1L, 0L, 2));
        assertNull(SqlFunctions.halfUp(null, 5L, 2));
        assertNull(SqlFunctions.halfUp(1L, BigDecimal.ZERO, 2));
    }
}
