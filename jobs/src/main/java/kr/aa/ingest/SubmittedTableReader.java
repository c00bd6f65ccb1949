package kr.aa.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kr.aa.io.CsvTable;
import kr.aa.io.RecordTable;
import kr.aa.rules.Latest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads {@code headcount_headers.csv} and {@code headcounts.csv} and hands out one {@link SubmittedTable}
 * at a time, in key order. Within a workplace the latest {@code submitted_at} replaces the earlier tables
 * whole (data contract): those come out marked superseded, to be counted and not validated.
 */
public final class SubmittedTableReader implements ItemStreamReader<SubmittedTable> {

    private static final Logger log = LoggerFactory.getLogger(SubmittedTableReader.class);

    private final Bundle bundle;
    private Iterator<SubmittedTable> tables;
    private int count;

    public SubmittedTableReader(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public void open(ExecutionContext context) {
        Map<SubmittedTable.Key, List<CsvTable.Row>> headers = readByTable(Bundle.HEADCOUNT_HEADERS);
        Map<SubmittedTable.Key, List<CsvTable.Row>> cells = readByTable(Bundle.HEADCOUNTS);
        TreeMap<SubmittedTable.Key, SubmittedTable> all = new TreeMap<>();
        for (SubmittedTable.Key key : union(headers, cells)) {
            all.put(key, new SubmittedTable(key, headers.getOrDefault(key, List.of()),
                    cells.getOrDefault(key, List.of()), false));
        }
        markSuperseded(all);
        count = all.size();
        log.info("read {} header rows and {} cells: {} submitted tables",
                headers.values().stream().mapToInt(List::size).sum(),
                cells.values().stream().mapToInt(List::size).sum(), count);
        tables = all.values().iterator();
    }

    /** Tables handed out by {@link #open}. */
    public int submittedTables() {
        return count;
    }

    @Override
    public SubmittedTable read() {
        return tables.hasNext() ? tables.next() : null;
    }

    private Map<SubmittedTable.Key, List<CsvTable.Row>> readByTable(String dataset) {
        Map<SubmittedTable.Key, List<CsvTable.Row>> byTable = new TreeMap<>();
        try (RecordTable file = bundle.open(dataset)) {
            for (CsvTable.Row row : file) {
                var key = new SubmittedTable.Key(row.get("employer_id").trim(), row.get("workplace_id").trim(),
                        row.get("submitted_at").trim());
                byTable.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        return byTable;
    }

    private static Iterable<SubmittedTable.Key> union(Map<SubmittedTable.Key, ?> a, Map<SubmittedTable.Key, ?> b) {
        TreeMap<SubmittedTable.Key, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return keys.keySet();
    }

    /**
     * Marks all but the latest table of each workplace. A {@code submitted_at} that does not parse can
     * neither replace nor be replaced: that table is validated on its own and rejected for it.
     */
    private static void markSuperseded(TreeMap<SubmittedTable.Key, SubmittedTable> tables) {
        // a workplace's tables differ in their submitted_at: nothing else to decide on
        Set<SubmittedTable.Key> latest = Latest.of(
                tables.keySet().stream().filter(key -> instant(key.submittedAt()).isPresent()).toList(),
                key -> key.employerId() + '\u0000' + key.workplaceId(),
                Latest.order(SubmittedTable.Key::submittedAt, (a, b) -> 0));
        for (var entry : tables.entrySet()) {
            SubmittedTable.Key key = entry.getKey();
            if (instant(key.submittedAt()).isPresent() && !latest.contains(key)) {
                SubmittedTable table = entry.getValue();
                entry.setValue(new SubmittedTable(key, table.headers(), table.cells(), true));
            }
        }
    }

    static Optional<Instant> instant(String submittedAt) {
        try {
            return Optional.of(Latest.instant(submittedAt));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
