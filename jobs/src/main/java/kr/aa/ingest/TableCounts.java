package kr.aa.ingest;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** How the submitted tables ended, kept in the step's execution context for the run's summary. */
public record TableCounts(long submitted, long accepted, long rejected, long superseded, long late) {

    private static final String PREFIX = "tables.";

    public boolean balanced() {
        return accepted + rejected + superseded == submitted;
    }

    public void saveTo(ExecutionContext context) {
        context.putLong(PREFIX + "submitted", submitted);
        context.putLong(PREFIX + "accepted", accepted);
        context.putLong(PREFIX + "rejected", rejected);
        context.putLong(PREFIX + "superseded", superseded);
        context.putLong(PREFIX + "late", late);
    }

    public static TableCounts from(ExecutionContext context) {
        return new TableCounts(context.getLong(PREFIX + "submitted", 0), context.getLong(PREFIX + "accepted", 0),
                context.getLong(PREFIX + "rejected", 0), context.getLong(PREFIX + "superseded", 0),
                context.getLong(PREFIX + "late", 0));
    }

    @Override
    public String toString() {
        return submitted + " tables submitted: " + accepted + " accepted (" + late + " late), " + rejected
                + " rejected, " + superseded + " superseded";
    }
}
