package kr.aa.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import kr.aa.rules.CivilCalendar;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The functions the SQL models call beyond Spark's own, where Spark's cannot be exact:
 * <ul>
 *   <li>{@code half_up(numerator, denominator, scale)}: the exact quotient rounded once, half-up, to {@code scale}
 *       decimals (at most {@value #MAX_SCALE}); null where the denominator is 0 or either is null. Spark's own
 *       decimal division rounds its quotient to a scale of its choosing first, and rounding that again can
 *       turn 12.3449996 into 12.35 (docs/rules.md, "Arithmetic");</li>
 *   <li>{@code last_day_of_months(first, months)}: {@link CivilCalendar#lastDayOfMonths}.</li>
 * </ul>
 */
public final class SqlFunctions {

    static final int MAX_SCALE = 6;
    private static final DecimalType QUOTIENT = DataTypes.createDecimalType(38, MAX_SCALE);

    private SqlFunctions() {
    }

    public static void register(SparkSession spark) {
        spark.udf().register("half_up", (UDF3<Object, Object, Integer, BigDecimal>) SqlFunctions::halfUp, QUOTIENT);
        spark.udf().register("last_day_of_months",
                (UDF2<LocalDate, Integer, LocalDate>) CivilCalendar::lastDayOfMonths, DataTypes.DateType);
    }

    /** numerator / denominator, exactly, rounded half-up (away from zero at a half) to {@code scale} decimals. */
    public static BigDecimal halfUp(Object numerator, Object denominator, Integer scale) {
        if (numerator == null || denominator == null) {
            return null;
        }
        if (scale > MAX_SCALE) {
            throw new IllegalArgumentException("half_up rounds to at most " + MAX_SCALE + " decimals, not " + scale);
        }
        BigDecimal divisor = decimal(denominator);
        if (divisor.signum() == 0) {
            return null;
        }
        return decimal(numerator).divide(divisor, scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        throw new IllegalArgumentException("half_up takes whole numbers and decimals, not "
                + value.getClass().getName());
    }
}
