package kr.aa.ingest;

import java.util.List;

/**
 * What became of a submitted table: accepted with its cells, rejected with every rule it broke, or
 * superseded by a later table of the same workplace. {@code declaredWorkers} is what the header of an accepted
 * or rejected table declares, null where it has no one readable header.
 */
public record TableOutcome(SubmittedTable.Key key, Status status, Registry.Workplace workplace, boolean late,
        Integer declaredWorkers, List<Cell> cells, List<Rejection> rejections) {

    public enum Status { ACCEPTED, REJECTED, SUPERSEDED }

    /** A well-formed cell: job type 0-9, level I-III, women not above total. */
    public record Cell(int jobType, String level, int total, int women) {
    }

    /** One rule broken by a table, pointing at the first offending record. */
    public record Rejection(String sourceFile, long line, String rule, String message) {
    }

    static TableOutcome accepted(SubmittedTable.Key key, Registry.Workplace workplace, boolean late,
            Integer declaredWorkers, List<Cell> cells) {
        return new TableOutcome(key, Status.ACCEPTED, workplace, late, declaredWorkers, cells, List.of());
    }

    static TableOutcome rejected(SubmittedTable.Key key, Integer declaredWorkers, List<Rejection> rejections) {
        return new TableOutcome(key, Status.REJECTED, null, false, declaredWorkers, List.of(), rejections);
    }

    static TableOutcome superseded(SubmittedTable.Key key) {
        return new TableOutcome(key, Status.SUPERSEDED, null, false, null, List.of(), List.of());
    }
}
