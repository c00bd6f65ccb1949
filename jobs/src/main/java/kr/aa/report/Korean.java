package kr.aa.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The report CSVs' figures as Korean readers expect them in a document: thousands separators, 원, percentages and
 * dates in prose (docs/rules.md, "Documents"). Only the form changes: every digit of the CSV's figure is kept, and
 * an empty figure stays empty for the template to say why. The CSVs keep the contract's plain formats.
 */
public final class Korean {

    private Korean() {
    }

    /** A decimal of the CSV without its trailing zeros, as prose gives a factor or a bound: {@code 0.600} as {@code 0.6}. */
    public static String plain(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }

    /** {@code 59876000} as {@code 59,876,000}, {@code -1234.5} as {@code -1,234.5}. */
    public static String number(String plain) {
        if (plain.isEmpty()) {
            return plain;
        }
        BigDecimal value = new BigDecimal(plain);
        BigInteger whole = value.abs().toBigInteger();
        String fraction = value.scale() > 0 ? value.abs().toPlainString().substring(whole.toString().length()) : "";
        return (value.signum() < 0 ? "-" : "") + String.format(Locale.ROOT, "%,d", whole) + fraction;
    }

    /** An amount of KRW: {@code 59876000} as {@code 59,876,000원}. */
    public static String won(String plain) {
        return plain.isEmpty() ? plain : number(plain) + "원";
    }

    /** A headcount: {@code 1250} as {@code 1,250명}. */
    public static String people(String plain) {
        return plain.isEmpty() ? plain : number(plain) + "명";
    }

    /** A percentage of the CSV (already in percent): {@code 12.34} as {@code 12.34%}. */
    public static String percent(String pct) {
        return pct.isEmpty() ? pct : number(pct) + "%";
    }

    /**
     * A ratio of the CSV (a fraction, 6 decimals) as the same number in percent, with every decimal it has:
     * {@code 0.080000} as {@code 8.0000%}.
     */
    public static String percentOfFraction(String fraction) {
        return fraction.isEmpty() ? fraction : number(new BigDecimal(fraction).movePointRight(2).toPlainString()) + "%";
    }

    /** A date of the CSV ({@code YYYY-MM-DD}) in prose: {@code 2025-08-01} as {@code 2025년 8월 1일}. */
    public static String date(String iso) {
        if (iso.isEmpty()) {
            return iso;
        }
        LocalDate date = LocalDate.parse(iso);
        return date.getYear() + "년 " + date.getMonthValue() + "월 " + date.getDayOfMonth() + "일";
    }
}
