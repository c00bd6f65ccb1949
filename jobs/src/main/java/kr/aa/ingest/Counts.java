package kr.aa.ingest;

import java.util.OptionalInt;

/** Headcounts as submitted: whole numbers from 0, written without sign, spaces or separators. */
public final class Counts {

    private static final int MAX_DIGITS = 9;

    private Counts() {
    }

    public static OptionalInt parse(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text));
    }
}
