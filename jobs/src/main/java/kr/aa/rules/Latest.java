package kr.aa.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The latest submission replaces the earlier ones of the same thing: a workplace's headcount table of the year, an
 * employer's plan or performance report of a plan year (docs/rules.md, "Latest table replaces earlier ones" and
 * "Latest plan or report replaces earlier ones"). The later instant is the later submission; at the same instant
 * the later text of {@code submitted_at}, then the submission's content, decide, so that the choice never
 * depends on the order of the input.
 */
public final class Latest {

    private Latest() {
    }

    /**
     * Orders submissions from the earliest to the latest: by the instant of {@code submittedAt} (an ISO-8601 date
     * and time with its offset), then by its text, then by {@code content}, whose greatest is the latest.
     */
    public static <T> Comparator<T> order(Function<T, String> submittedAt, Comparator<T> content) {
        return Comparator.<T, Instant>comparing(item -> instant(submittedAt.apply(item)))
                .thenComparing(submittedAt)
                .thenComparing(content);
    }

    /** The latest of each group of {@code items} (those with the same {@code thing}), in {@code order}. */
    public static <T, K> Set<T> of(Collection<T> items, Function<T, K> thing, Comparator<T> order) {
        Map<K, T> latest = new HashMap<>();
        for (T item : items) {
            latest.merge(thing.apply(item), item, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        return Set.copyOf(latest.values());
    }

    /**
     * The instant of a {@code submitted_at}, an ISO-8601 date and time with its offset; a
     * {@link java.time.format.DateTimeParseException} for any other text.
     */
    public static Instant instant(String submittedAt) {
        return OffsetDateTime.parse(submittedAt).toInstant();
    }
}
