package kr.aa.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import kr.aa.io.CsvTable;
import kr.aa.rules.RuleVersion;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates the latest table of each workplace against the data contract's rules and reports every rule
 * it breaks, one rejection per rule at its first offending record (data contract, "Bad input"):
 * {@code UNKNOWN_EMPLOYER}, {@code UNKNOWN_WORKPLACE}, {@code UNKNOWN_INDUSTRY}, {@code MISSING_HEADER},
 * {@code DUPLICATE_HEADER}, {@code BAD_HEADER}, {@code BAD_CELL}, {@code MANAGER_AT_LEVEL_III},
 * {@code DUPLICATE_CELL}, {@code HEADER_MISMATCH}, {@code EMPTY_TABLE} (docs/rules.md, "Table rules"). A table
 * submitted after the due date is accepted and marked late. Every outcome keeps the workers its header declares,
 * which is the regular workforce of last resort (docs/rules.md, "Regular workforce").
 */
public final class TableValidator implements ItemProcessor<SubmittedTable, TableOutcome> {

    static final Set<String> LEVELS = Set.of("I", "II", "III");
    static final int MAX_JOB_TYPE = 9;

    private final Registry registry;
    private final Instant lateFrom;
    private final String classification;

    public TableValidator(Registry registry, Instant lateFrom, String classification) {
        this.registry = registry;
        this.lateFrom = lateFrom;
        this.classification = classification;
    }

    @Override
    public TableOutcome process(SubmittedTable table) {
        if (table.superseded()) {
            return TableOutcome.superseded(table.key());
        }
        List<TableOutcome.Rejection> rejections = new ArrayList<>();
        Registry.Workplace workplace = checkRegistry(table, rejections);
        Header header = checkHeader(table, rejections);
        CellCheck cells = checkCells(table, rejections);
        if (header != null && cells.wellFormed()) {
            checkTotals(table, header, cells.cells(), rejections);
            checkSomeoneCounted(table, header, cells.cells(), rejections);
        }
        Integer declaredWorkers = declaredWorkers(table);
        if (!rejections.isEmpty()) {
            return TableOutcome.rejected(table.key(), declaredWorkers, rejections);
        }
        boolean late = !SubmittedTableReader.instant(table.key().submittedAt()).orElseThrow().isBefore(lateFrom);
        return TableOutcome.accepted(table.key(), workplace, late, declaredWorkers, cells.cells());
    }

    /** The workers the table's one header declares, where it has one and that field reads as a count. */
    private static Integer declaredWorkers(SubmittedTable table) {
        if (table.headers().size() != 1) {
            return null;
        }
        OptionalInt workers = Counts.parse(table.headers().get(0).get("workers"));
        return workers.isPresent() ? workers.getAsInt() : null;
    }

    /** A status of nobody cannot be assessed: a table must count someone (docs/rules.md, "EMPTY_TABLE"). */
    private static void checkSomeoneCounted(SubmittedTable table, Header header, List<TableOutcome.Cell> cells,
            List<TableOutcome.Rejection> rejections) {
        if (header.workers() == 0 && cells.stream().allMatch(cell -> cell.total() == 0)) {
            rejections.add(reject(table.headers().get(0), "EMPTY_TABLE", "the table of workplace "
                    + table.key().workplaceId() + " declares 0 workers and no cell counts anyone; submit the table"
                    + " with the regular workers of the workplace by job type and level"));
        }
    }

    private Registry.Workplace checkRegistry(SubmittedTable table, List<TableOutcome.Rejection> rejections) {
        SubmittedTable.Key key = table.key();
        CsvTable.Row first = table.firstRecord();
        if (registry.employer(key.employerId()) == null) {
            rejections.add(reject(first, "UNKNOWN_EMPLOYER", "employer " + key.employerId()
                    + " is not in employers.csv; check the business registration number or register the employer"));
            return null;
        }
        Registry.Workplace workplace = registry.workplace(key.employerId(), key.workplaceId());
        if (workplace == null) {
            rejections.add(reject(first, "UNKNOWN_WORKPLACE", "workplace " + key.workplaceId() + " of employer "
                    + key.employerId() + " is not in workplaces.csv; check the workplace id or register the workplace"));
            return null;
        }
        if (workplace.industryGroup() == null) {
            rejections.add(reject(first, "UNKNOWN_INDUSTRY", "workplace " + key.workplaceId() + " has ksic_code '"
                    + workplace.ksicCode() + "' (workplaces.csv line " + workplace.line()
                    + "), which maps to no industry group in " + classification
                    + "; give the section letter, and the division for sections D and I (e.g. D15, I62, K)"));
        }
        return workplace;
    }

    private record Header(int workers, int women, int managers, int womenManagers) {
    }

    private Header checkHeader(SubmittedTable table, List<TableOutcome.Rejection> rejections) {
        if (table.headers().isEmpty()) {
            rejections.add(reject(table.cells().get(0), "MISSING_HEADER", "cells of a table submitted at "
                    + table.key().submittedAt() + " have no row in headcount_headers.csv;"
                    + " submit the header with its four totals"));
            return null;
        }
        if (table.headers().size() > 1) {
            rejections.add(reject(table.headers().get(1), "DUPLICATE_HEADER", "the table has "
                    + table.headers().size() + " header rows; keep one per employer, workplace and submitted_at"));
            return null;
        }
        CsvTable.Row row = table.headers().get(0);
        List<String> problems = new ArrayList<>();
        if (SubmittedTableReader.instant(table.key().submittedAt()).isEmpty()) {
            problems.add("submitted_at '" + table.key().submittedAt()
                    + "' is not an ISO-8601 date-time with offset (e.g. 2025-04-30T17:00:00+09:00)");
        }
        int[] totals = new int[4];
        String[] columns = {"workers", "women", "managers", "women_managers"};
        for (int i = 0; i < columns.length; i++) {
            OptionalInt value = Counts.parse(row.get(columns[i]));
            if (value.isEmpty()) {
                problems.add(columns[i] + " '" + row.get(columns[i]) + "' is not a whole number >= 0");
            }
            totals[i] = value.orElse(0);
        }
        if (!problems.isEmpty()) {
            rejections.add(reject(row, "BAD_HEADER", String.join("; ", problems)));
            return null;
        }
        return new Header(totals[0], totals[1], totals[2], totals[3]);
    }

    private record CellCheck(List<TableOutcome.Cell> cells, boolean wellFormed) {
    }

    private CellCheck checkCells(SubmittedTable table, List<TableOutcome.Rejection> rejections) {
        List<TableOutcome.Cell> cells = new ArrayList<>();
        Map<String, CsvTable.Row> seen = new HashMap<>();
        CsvTable.Row firstBad = null;
        String badProblem = null;
        int bad = 0;
        CsvTable.Row firstDuplicate = null;
        String duplicateProblem = null;
        CsvTable.Row firstManagerIii = null;
        for (CsvTable.Row row : table.cells()) {
            String problem = cellProblem(row);
            if (problem != null) {
                if (bad++ == 0) {
                    firstBad = row;
                    badProblem = problem;
                }
                continue;
            }
            var cell = new TableOutcome.Cell(Integer.parseInt(row.get("job_type")), row.get("level"),
                    Counts.parse(row.get("total")).getAsInt(), Counts.parse(row.get("women")).getAsInt());
            CsvTable.Row earlier = seen.putIfAbsent(cell.jobType() + "/" + cell.level(), row);
            if (earlier != null && firstDuplicate == null) {
                firstDuplicate = row;
                duplicateProblem = "job type " + cell.jobType() + " level " + cell.level()
                        + " appears again (first at line " + earlier.line() + "); submit each cell once";
            }
            if (cell.jobType() == RuleVersion.MANAGERS_JOB_TYPE && cell.level().equals("III") && cell.total() > 0
                    && firstManagerIii == null) {
                firstManagerIii = row;
            }
            cells.add(cell);
        }
        if (firstBad != null) {
            rejections.add(reject(firstBad, "BAD_CELL", badProblem
                    + (bad > 1 ? " (" + bad + " bad cells in this table)" : "")));
        }
        if (firstManagerIii != null) {
            rejections.add(reject(firstManagerIii, "MANAGER_AT_LEVEL_III", "managers (job type "
                    + RuleVersion.MANAGERS_JOB_TYPE + ") are counted at level I or II only; move the "
                    + firstManagerIii.get("total") + " level III managers to their level or job type"));
        }
        if (firstDuplicate != null) {
            rejections.add(reject(firstDuplicate, "DUPLICATE_CELL", duplicateProblem));
        }
        return new CellCheck(cells, firstBad == null && firstDuplicate == null);
    }

    private static String cellProblem(CsvTable.Row row) {
        String jobType = row.get("job_type");
        if (jobType.length() != 1 || jobType.charAt(0) < '0' || jobType.charAt(0) > '0' + MAX_JOB_TYPE) {
            return "job_type '" + jobType + "' is not a job type 0-9";
        }
        if (!LEVELS.contains(row.get("level"))) {
            return "level '" + row.get("level") + "' is not I, II or III";
        }
        OptionalInt total = Counts.parse(row.get("total"));
        OptionalInt women = Counts.parse(row.get("women"));
        if (total.isEmpty()) {
            return "total '" + row.get("total") + "' is not a whole number >= 0";
        }
        if (women.isEmpty()) {
            return "women '" + row.get("women") + "' is not a whole number >= 0";
        }
        if (women.getAsInt() > total.getAsInt()) {
            return "women " + women.getAsInt() + " exceed the cell's total " + total.getAsInt();
        }
        return null;
    }

    private static void checkTotals(SubmittedTable table, Header header, List<TableOutcome.Cell> cells,
            List<TableOutcome.Rejection> rejections) {
        long workers = 0;
        long women = 0;
        long managers = 0;
        long womenManagers = 0;
        for (TableOutcome.Cell cell : cells) {
            workers += cell.total();
            women += cell.women();
            if (cell.jobType() == RuleVersion.MANAGERS_JOB_TYPE) {
                managers += cell.total();
                womenManagers += cell.women();
            }
        }
        List<String> differences = new ArrayList<>();
        compare("workers", header.workers(), workers, differences);
        compare("women", header.women(), women, differences);
        compare("managers", header.managers(), managers, differences);
        compare("women_managers", header.womenManagers(), womenManagers, differences);
        if (!differences.isEmpty()) {
            rejections.add(reject(table.headers().get(0), "HEADER_MISMATCH", String.join("; ", differences)
                    + "; correct the header or the cells"));
        }
    }

    private static void compare(String total, int header, long cells, List<String> differences) {
        if (header != cells) {
            differences.add(total + " is " + header + " in the header but the cells sum to " + cells);
        }
    }

    private static TableOutcome.Rejection reject(CsvTable.Row row, String rule, String message) {
        return new TableOutcome.Rejection(row.file(), row.line(), rule, message);
    }
}
