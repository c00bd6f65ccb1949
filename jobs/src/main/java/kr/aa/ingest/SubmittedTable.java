package kr.aa.ingest;

import java.util.Comparator;
import java.util.List;
import kr.aa.io.CsvTable;

/**
 * A submitted headcount table (Manual Form 5; docs/rules.md, "Table rules"), identified by employer, workplace and
 * {@code submitted_at}: its header rows from {@code headcount_headers.csv} (one, when well formed) and its cells
 * from {@code headcounts.csv}. {@code superseded} when a later table of the same workplace replaces it whole.
 */
public record SubmittedTable(Key key, List<CsvTable.Row> headers, List<CsvTable.Row> cells, boolean superseded) {

    public record Key(String employerId, String workplaceId, String submittedAt) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::employerId)
                .thenComparing(Key::workplaceId).thenComparing(Key::submittedAt);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** The record a rejection of the whole table points at: its header, or its first cell without one. */
    public CsvTable.Row firstRecord() {
        return headers.isEmpty() ? cells.get(0) : headers.get(0);
    }
}
