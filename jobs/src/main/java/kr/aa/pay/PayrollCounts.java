package kr.aa.pay;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/** How the payroll rows were taken in, kept in the job's execution context for the run's summary. */
public record PayrollCounts(long read, long wellFormed, long otherGender) {

    private static final String PREFIX = "payroll.";

    public void saveTo(ExecutionContext context) {
        context.putLong(PREFIX + "read", read);
        context.putLong(PREFIX + "well_formed", wellFormed);
        context.putLong(PREFIX + "other_gender", otherGender);
    }

    public static PayrollCounts from(ExecutionContext context) {
        return new PayrollCounts(context.getLong(PREFIX + "read", 0), context.getLong(PREFIX + "well_formed", 0),
                context.getLong(PREFIX + "other_gender", 0));
    }
}
