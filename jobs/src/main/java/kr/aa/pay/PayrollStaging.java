package kr.aa.pay;

import java.util.Arrays;
import kr.aa.io.DatasetSchema;
import kr.aa.io.ParquetDatasetWriter;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes the well-formed payroll rows to the staging dataset {@code payroll} (personal data: never the
 * warehouse) and the rows' own rejections to {@code payroll_row_rejections}, and counts them.
 */
public final class PayrollStaging implements ItemStreamWriter<PayrollRow> {

    private static final Logger log = LoggerFactory.getLogger(PayrollStaging.class);

    private final Path stagingDir;
    private ParquetDatasetWriter rows;
    private ParquetDatasetWriter rejections;
    private long read;
    private long wellFormed;
    private long otherGender;

    public PayrollStaging(Path stagingDir) {
        this.stagingDir = stagingDir;
    }

    @Override
    public void open(ExecutionContext context) {
        rows = new ParquetDatasetWriter(DatasetSchema.load("staging", "payroll"),
                ParquetDatasetWriter.part(new Path(stagingDir, "payroll")));
        rejections = new ParquetDatasetWriter(DatasetSchema.load("staging", "payroll_row_rejections"),
                ParquetDatasetWriter.part(new Path(stagingDir, "payroll_row_rejections")));
    }

    @Override
    public void write(Chunk<? extends PayrollRow> chunk) {
        for (PayrollRow row : chunk) {
            read++;
            if (row.wellFormed()) {
                wellFormed++;
                otherGender += row.binaryGender() ? 0 : 1;
                long[] pay = row.pay();
                rows.write(Arrays.asList(row.line(), row.employerId(), row.employeeKey(), row.gender(),
                        row.employmentType(), row.level(), row.jobType(), row.hiredOn(), row.monthsWorked(),
                        pay[0], pay[1], pay[2], pay[3]));
            }
            row.rejections().forEach(r -> rejections.write(Arrays.asList(row.line(), row.employerId(),
                    row.employeeKey(), r.rule(), r.message())));
        }
        log.info("payroll rows so far: {} read, {} well formed", read, wellFormed);
    }

    /** Rows read, well formed, and of those with a gender other than F or M. */
    public PayrollCounts counts() {
        return new PayrollCounts(read, wellFormed, otherGender);
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rejections.close();
        }
    }
}
