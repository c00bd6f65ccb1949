package kr.aa.cycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import kr.aa.assess.Assessment;
import kr.aa.comply.AssessedUnits;
import kr.aa.comply.ComplianceRecords;
import kr.aa.comply.ComplianceStaging;
import kr.aa.comply.Ledger;
import kr.aa.ingest.OutcomeWriter;
import kr.aa.ingest.Registry;
import kr.aa.ingest.SubmittedTable;
import kr.aa.ingest.SubmittedTableReader;
import kr.aa.ingest.TableCounts;
import kr.aa.ingest.TableOutcome;
import kr.aa.ingest.TableValidator;
import kr.aa.io.CsvTable;
import kr.aa.io.ParquetDatasetWriter;
import kr.aa.pay.PayAnalysis;
import kr.aa.pay.PayrollReader;
import kr.aa.pay.PayrollRow;
import kr.aa.pay.PayrollStaging;
import kr.aa.pay.PayrollValidator;
import kr.aa.report.Documents;
import kr.aa.report.OpenData;
import kr.aa.report.Pdf;
import kr.aa.rules.IndustryClassification;
import kr.aa.run.CycleRun;
import kr.aa.run.Folders;
import kr.aa.spark.JobSpark;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.util.function.SingletonSupplier;

/**
 * The annual cycle as one Spring Batch job, {@value #JOB}:
 * <ol>
 *   <li>{@code readRegistry}: employers, workplaces and monthly counts, checked and staged as Parquet;</li>
 *   <li>{@code ingestTables}: each submitted table validated, accepted cells and rejections written as Parquet;</li>
 *   <li>{@code readCompliance}: the bundle's plans, reports and decisions checked, and staged with what the
 *       run read of the compliance ledger when it was launched;</li>
 *   <li>{@value #PARALLEL_STEP}, two steps side by side (neither reads what the other writes):
 *     <ul>
 *       <li>{@code ingestPayroll}: each payroll row checked, well-formed rows staged (personal data), rejections
 *           kept;</li>
 *       <li>{@code assess}: Spark SQL over the staged data: units, benchmarks, notifications, non-submitters, plan
 *           reviews, performance evaluations, naming candidates, the press list, reports;</li>
 *     </ul></li>
 *   <li>{@code disclosePay}: Spark SQL over the payroll: pay gaps, EU indicators, context, and the disclosure pages;</li>
 *   <li>{@code writeDocuments}: from the year's report CSVs, the letters, notices and pre-notices in Korean, the annual
 *       report, the PDFs for printing and the year's index page; the year's open data;</li>
 *   <li>{@code publish}: the year written into the compliance ledger, and the run's work folder moved into the
 *       warehouse, staging and reports in place of the year's.</li>
 * </ol>
 * Nothing outside the run's work folder is written before {@code publish}, so a failed run leaves the
 * published year and the ledger as they were, and restarting it resumes at the failed step. The two chunk
 * steps run again on every restart: Spring Batch records a step complete before it closes the step's
 * writers, so a run killed between the two would leave a complete step with unfinished files (the tasklet
 * steps finish their files before they return).
 */
@Configuration
@EnableBatchProcessing
// Two steps of a run start side by side (ingestPayrollWhileAssessing): under Spring Batch's default, serializable
// creation, PostgreSQL cancels one of the two step executions' creations. What serializable creation guards
// against, two launches of one job instance at once, the cycle's own lock refuses first
// (docs/rules.md, "One run at a time").
@EnableJdbcJobRepository(isolationLevelForCreate = Isolation.READ_COMMITTED)
public class CycleJobConfiguration {

    public static final String JOB = "annualCycle";
    /** The step that runs {@code ingestPayroll} and {@code assess} side by side. */
    public static final String PARALLEL_STEP = "ingestPayrollWhileAssessing";

    private static final Logger log = LoggerFactory.getLogger(CycleJobConfiguration.class);
    private static final int TABLES_PER_CHUNK = 1000;
    private static final int PAYROLL_ROWS_PER_CHUNK = 50_000;

    @Bean
    public DataSource dataSource(JobDatabase database) {
        return database.dataSource();
    }

    @Bean
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /** The bundle's registry, read when a step first needs it, inside the job, so its errors fail the job. */
    @Bean
    public SingletonSupplier<Registry> registry(CycleRun run) {
        return SingletonSupplier.of(() -> {
            Registry registry = Registry.read(run.bundle(), IndustryClassification.load(run.rules().classification()));
            log.info("registry: {} employers, {} workplaces, {} monthly counts", registry.employerCount(),
                    registry.workplaceCount(), registry.monthlyCount());
            if (registry.unregisteredRecords() > 0) {
                log.warn("{} workplace and monthly rows name an employer missing from employers.csv:"
                        + " their tables are rejected as UNKNOWN_EMPLOYER", registry.unregisteredRecords());
            }
            int workforceYear = run.rules().workforceYear(run.reportingYear());
            if (registry.monthsOutside(workforceYear) > 0) {
                log.warn("{} monthly counts are not of {} and do not count in the regular workforce",
                        registry.monthsOutside(workforceYear), workforceYear);
            }
            return registry;
        });
    }

    @Bean
    public JobSpark jobSpark(CycleRun run) {
        return new JobSpark(run.sparkMaster());
    }

    @Bean
    public Job annualCycle(JobRepository jobRepository, List<Step> steps, JobSpark jobSpark) {
        return new JobBuilder(JOB, jobRepository)
                .listener(jobSpark)
                .start(step(steps, "readRegistry"))
                .next(step(steps, "ingestTables"))
                .next(step(steps, "readCompliance"))
                .next(ingestPayrollWhileAssessing(jobRepository, steps))
                .next(step(steps, "disclosePay"))
                .next(step(steps, "writeDocuments"))
                .next(step(steps, "publish"))
                .build();
    }

    /**
     * The payroll is read and staged on one core while the units are assessed in Spark on the other: neither step
     * reads what the other writes, and both come before the pay disclosure, which reads both.
     */
    private static Step ingestPayrollWhileAssessing(JobRepository jobRepository, List<Step> steps) {
        Flow payroll = new FlowBuilder<SimpleFlow>("payroll").start(step(steps, "ingestPayroll")).build();
        Flow units = new FlowBuilder<SimpleFlow>("units").start(step(steps, "assess")).build();
        Flow both = new FlowBuilder<SimpleFlow>("payrollAndUnits")
                .split(new SimpleAsyncTaskExecutor("cycle-"))
                .add(payroll, units)
                .build();
        // runs again on a restart, so that ingestPayroll does (see above); a completed assess is not run again
        return new StepBuilder(PARALLEL_STEP, jobRepository).allowStartIfComplete(true).flow(both).build();
    }

    private static Step step(List<Step> steps, String name) {
        return steps.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Bean
    public Step readRegistry(JobRepository jobRepository, CycleRun run, SingletonSupplier<Registry> registry) {
        return new StepBuilder("readRegistry", jobRepository)
                .tasklet((contribution, context) -> {
                    Folders.delete(run.workStaging());
                    registry.obtain().writeStaging(run.workStaging());
                    return RepeatStatus.FINISHED;
                })
                .build();
    }

    @Bean
    public Step ingestTables(JobRepository jobRepository, JdbcTransactionManager transactionManager, CycleRun run,
            SingletonSupplier<Registry> registry) {
        SubmittedTableReader reader = new SubmittedTableReader(run.bundle());
        Instant lateFrom = run.rules().headcountLateFrom(run.reportingYear()).toInstant();
        SingletonSupplier<TableValidator> validator = SingletonSupplier.of(
                () -> new TableValidator(registry.obtain(), lateFrom, run.rules().classification()));
        OutcomeWriter writer = new OutcomeWriter(ParquetDatasetWriter.part(new Path(run.workWarehouse(),
                "submissions")),
                ParquetDatasetWriter.part(new Path(run.workWarehouse(), "rejections")),
                ParquetDatasetWriter.part(new Path(run.workStaging(), "submitted_tables")), registry::obtain,
                run.rules().id(), run.runId());
        return new StepBuilder("ingestTables", jobRepository)
                .allowStartIfComplete(true)
                .<SubmittedTable, TableOutcome>chunk(TABLES_PER_CHUNK)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(table -> validator.obtain().process(table))
                .writer(writer)
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution stepExecution) {
                        if (stepExecution.getStatus().isUnsuccessful()) {
                            return null;
                        }
                        TableCounts counts = writer.counts(reader.submittedTables());
                        counts.saveTo(stepExecution.getJobExecution().getExecutionContext());
                        if (!counts.balanced()) {
                            throw new IllegalStateException("tables do not balance: " + counts);
                        }
                        log.info("{}; every table accounted for", counts);
                        return counts.rejected() > 0 ? new ExitStatus("COMPLETED WITH REJECTIONS") : null;
                    }
                })
                .build();
    }

    @Bean
    public Step ingestPayroll(JobRepository jobRepository, JdbcTransactionManager transactionManager, CycleRun run,
            SingletonSupplier<Registry> registry) {
        SingletonSupplier<PayrollValidator> validator = SingletonSupplier.of(
                () -> new PayrollValidator(registry.obtain(), run.rules().payYear(run.reportingYear()),
                        run.rules().pay().employmentTypes()));
        PayrollStaging writer = new PayrollStaging(run.workStaging());
        return new StepBuilder("ingestPayroll", jobRepository)
                .allowStartIfComplete(true)
                .<CsvTable.Row, PayrollRow>chunk(PAYROLL_ROWS_PER_CHUNK)
                .transactionManager(transactionManager)
                .reader(new PayrollReader(run.bundle()))
                .processor(row -> validator.obtain().process(row))
                .writer(writer)
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution stepExecution) {
                        if (!stepExecution.getStatus().isUnsuccessful()) {
                            writer.counts().saveTo(stepExecution.getJobExecution().getExecutionContext());
                        }
                        return null;
                    }
                })
                .build();
    }

    @Bean
    public Step readCompliance(JobRepository jobRepository, CycleRun run) {
        return new StepBuilder("readCompliance", jobRepository)
                .tasklet((contribution, context) -> {
                    Folders.delete(run.workLedger());
                    ComplianceRecords records = ComplianceRecords.read(run.bundle());
                    Ledger.Snapshot history = run.history();
                    new ComplianceStaging(run.rules()).write(run.workLedger(), run.workWarehouse(), history, records,
                            run.runId());
                    log.info("compliance: the bundle has {} plans, {} performance reports, {} decisions and {} rejected"
                            + " records; the ledger adds {} plans, {} reports, {} decisions and {} units of earlier years",
                            records.plans().size(), records.reports().size(), records.actions().size(),
                            records.rejections().size(), history.plans().size(), history.reports().size(),
                            history.actions().size(), history.units().size());
                    context.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                            .putLong("compliance.rejections", records.rejections().size());
                    return RepeatStatus.FINISHED;
                })
                .build();
    }

    @Bean
    public Step assess(JobRepository jobRepository, CycleRun run, JobSpark jobSpark) {
        return new StepBuilder("assess", jobRepository)
                .tasklet((contribution, context) -> {
                    Folders.delete(run.workReports());
                    Assessment.Result result = new Assessment(jobSpark.session(), run).run();
                    var executionContext = context.getStepContext().getStepExecution().getJobExecution()
                            .getExecutionContext();
                    executionContext.putLong("units", result.units());
                    executionContext.putLong("notified", result.notified());
                    executionContext.putLong("comparison_groups", result.comparisonGroups());
                    executionContext.putLong("non_submitters", result.nonSubmitters());
                    executionContext.putLong("plan_reviews", result.planReviews());
                    executionContext.putLong("supplements_requested", result.supplementsRequested());
                    executionContext.putLong("evaluations", result.evaluations());
                    executionContext.putLong("poor", result.poor());
                    executionContext.putLong("naming_candidates", result.namingCandidates());
                    executionContext.putLong("published", result.published());
                    result.employers().saveTo(executionContext);
                    return RepeatStatus.FINISHED;
                })
                .build();
    }

    @Bean
    public Step disclosePay(JobRepository jobRepository, CycleRun run, JobSpark jobSpark) {
        return new StepBuilder("disclosePay", jobRepository)
                .tasklet((contribution, context) -> {
                    PayAnalysis.Result result = new PayAnalysis(jobSpark.session(), run).run();
                    var executionContext = context.getStepContext().getStepExecution().getJobExecution()
                            .getExecutionContext();
                    executionContext.putLong("pay.people", result.people());
                    executionContext.putLong("pay.employers", result.employers());
                    executionContext.putLong("pay.rejections", result.rejections());
                    return RepeatStatus.FINISHED;
                })
                .build();
    }

    @Bean
    public Step writeDocuments(JobRepository jobRepository, CycleRun run) {
        return new StepBuilder("writeDocuments", jobRepository)
                .tasklet((contribution, context) -> {
                    Optional<Pdf.Font> font = Pdf.font(System.getenv());
                    if (font.isEmpty()) {
                        log.warn("no Korean TrueType font (Debian's fonts-nanum, or AA_PDF_FONT): the documents are"
                                + " written in HTML only, without their PDFs");
                    }
                    Documents.write(run.workReports(), run.reportingYear(), run.rules(), font);
                    OpenData.write(run.workReports(), run.workOpenData(), run.reportingYear(),
                            run.rules().pay().suppressionMinimum());
                    return RepeatStatus.FINISHED;
                })
                .build();
    }

    @Bean
    public Step publish(JobRepository jobRepository, CycleRun run, Ledger ledger) {
        return new StepBuilder("publish", jobRepository)
                .tasklet((contribution, context) -> {
                    new Publisher(run).publish(whereNow -> ledger.publish(run.reportingYear(),
                            AssessedUnits.read(whereNow.apply(new Path(run.workWarehouse(), "units")),
                                    run.reportingYear()),
                            ComplianceRecords.read(run.bundle())));
                    return RepeatStatus.FINISHED;
                })
                .build();
    }
}
