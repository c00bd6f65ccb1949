package kr.aa.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import kr.aa.io.DatasetSchema;
import kr.aa.io.ParquetDatasetWriter;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes the accepted cells to the {@code submissions} dataset and the rejections to {@code rejections} (with the
 * employer's registered name, so that its rejection notice can be addressed), one
 * Parquet file each in the run's work folder, with the staged {@code submitted_tables} (every table that was
 * validated, accepted or not, with the workers its header declares), and counts how every table ended. Parquet
 * files cannot be appended to, so a restarted step writes them again from the first table.
 */
public final class OutcomeWriter implements ItemStreamWriter<TableOutcome> {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);

    private final Path submissionsFile;
    private final Path rejectionsFile;
    private final Path tablesFile;
    private final String ruleVersion;
    private final String runId;
    private final Supplier<Registry> registry;
    private ParquetDatasetWriter submissions;
    private ParquetDatasetWriter rejections;
    private ParquetDatasetWriter tables;
    private long accepted;
    private long rejected;
    private long superseded;
    private long late;

    public OutcomeWriter(Path submissionsFile, Path rejectionsFile, Path tablesFile, Supplier<Registry> registry,
            String ruleVersion, String runId) {
        this.submissionsFile = submissionsFile;
        this.registry = registry;
        this.rejectionsFile = rejectionsFile;
        this.tablesFile = tablesFile;
        this.ruleVersion = ruleVersion;
        this.runId = runId;
    }

    @Override
    public void open(ExecutionContext context) {
        submissions = new ParquetDatasetWriter(DatasetSchema.load("warehouse", "submissions"), submissionsFile);
        rejections = new ParquetDatasetWriter(DatasetSchema.load("warehouse", "rejections"), rejectionsFile);
        tables = new ParquetDatasetWriter(DatasetSchema.load("staging", "submitted_tables"), tablesFile);
    }

    @Override
    public void write(Chunk<? extends TableOutcome> chunk) {
        for (TableOutcome outcome : chunk) {
            SubmittedTable.Key key = outcome.key();
            if (outcome.status() != TableOutcome.Status.SUPERSEDED) {
                tables.write(Arrays.asList(key.employerId(), key.workplaceId(), key.submittedAt(),
                        outcome.status() == TableOutcome.Status.ACCEPTED, outcome.declaredWorkers()));
            }
            switch (outcome.status()) {
                case ACCEPTED -> {
                    accepted++;
                    late += outcome.late() ? 1 : 0;
                    Registry.Workplace workplace = outcome.workplace();
                    for (TableOutcome.Cell cell : outcome.cells()) {
                        submissions.write(List.of(key.employerId(), key.workplaceId(), key.submittedAt(),
                                workplace.industryGroup(), workplace.ksicCode(), outcome.late(), cell.jobType(),
                                cell.level(), cell.total(), cell.women(), ruleVersion, runId));
                    }
                }
                case REJECTED -> {
                    rejected++;
                    Registry.Employer employer = registry.get().employer(key.employerId());
                    for (TableOutcome.Rejection rejection : outcome.rejections()) {
                        rejections.write(Arrays.asList(key.employerId(), key.workplaceId(), key.submittedAt(),
                                rejection.sourceFile(), rejection.line(), rejection.rule(), rejection.message(),
                                ruleVersion, runId, employer == null ? null : employer.name()));
                    }
                }
                case SUPERSEDED -> superseded++;
            }
        }
        log.info("tables so far: {} accepted, {} rejected, {} superseded", accepted, rejected, superseded);
    }

    /** The counts so far; {@code submitted} is the reader's to say. */
    public TableCounts counts(long submitted) {
        return new TableCounts(submitted, accepted, rejected, superseded, late);
    }

    @Override
    public void close() {
        if (submissions != null) {
            submissions.close();
            rejections.close();
            tables.close();
        }
    }
}
