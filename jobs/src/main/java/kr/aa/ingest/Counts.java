package kr.aa.ingest;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Whole numbers as submitted: from 0, in ASCII digits, without sign, spaces or separators: headcounts up
 * to 9 digits, amounts of KRW up to 12.
 */
public final class Counts {

    private static final int MAX_COUNT_DIGITS = 9;
    private static final int MAX_KRW_DIGITS = 12;

    private Counts() {
    }

    public static OptionalInt parse(String text) {
        return digits(text, MAX_COUNT_DIGITS) ? OptionalInt.of(Integer.parseInt(text)) : OptionalInt.empty();
    }

    public static OptionalLong parseKrw(String text) {
        return digits(text, MAX_KRW_DIGITS) ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    private static boolean digits(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
