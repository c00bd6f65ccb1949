package kr.aa.cycle;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import kr.aa.assess.Assessment;
import kr.aa.comply.Ledger;
import kr.aa.ingest.Bundle;
import kr.aa.ingest.TableCounts;
import kr.aa.io.BundleException;
import kr.aa.io.Storage;
import kr.aa.pay.PayrollCounts;
import kr.aa.rules.RuleVersion;
import kr.aa.run.CycleRun;
import kr.aa.run.Folders;
import org.apache.hadoop.fs.Path;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Runs the annual cycle for one year and says how it went, one run at a time per output folder
 * ({@link OutputLock}). The same inputs after a failure restart the failed job at its failed step, and so do
 * they after a run that died without a word (killed, the machine down): holding the folder's lock, the
 * launcher knows that a job execution still marked running has no process left, and recovers it as failed
 * before restarting it. The same inputs after a success are a deliberate rerun (a new job instance) that
 * replaces the year with identical output.
 */
public final class CycleLauncher {

    /** Exit codes of {@code ./aa cycle}. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    /** Another run holds the output folder. */
    public static final int IN_USE = 3;
    /** How the system says that a file system is full (ENOSPC). */
    private static final String NO_SPACE = "No space left on device";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private JobExecution lastExecution;

    /** A launcher that speaks on {@code out} and {@code err} and finds its database in {@code environment}. */
    public CycleLauncher(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /**
     * Runs the cycle on the bundle at {@code bundleLocation} (a folder, or a database's JDBC URL) into {@code output}
     * ({@link Storage#location}).
     */
    public int run(int reportingYear, String bundleLocation, Path output, String ruleVersion, String sparkMaster) {
        String command = "cycle --year " + reportingYear + " --bundle " + bundleLocation + " --out " + output
                + " --rules " + ruleVersion;
        JobDatabase database = JobDatabase.from(environment, output);
        Folders.createPublic(output);
        try (OutputLock lock = OutputLock.take(output, reportingYear, command, database)) {
            if (!lock.takenOver().isEmpty()) {
                out.println("took over the lock of " + output + " from " + lock.takenOver() + ": that process is gone");
            }
            return runLocked(reportingYear, bundleLocation, output, ruleVersion, sparkMaster, command, database);
        } catch (OutputLock.InUse e) {
            err.println("aa: " + e.getMessage());
            return IN_USE;
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;  // a usage error, which the command line reports with its usage
            }
            // outside the job's own steps: the operational database gone, its file system full
            String full = diskFull(e, output, new Bundle(bundleLocation, reportingYear));
            err.println("aa: the cycle of " + reportingYear + " failed: " + (full != null ? full : rootCause(e))
                    + "; nothing was published: run the same command again once that is mended");
            return FAILED;
        }
    }

    private int runLocked(int reportingYear, String bundleLocation, Path output, String ruleVersion,
            String sparkMaster, String command, JobDatabase database) {
        Bundle bundle = new Bundle(bundleLocation.startsWith("jdbc:") ? bundleLocation
                : Storage.location(bundleLocation).toString(), reportingYear);
        RuleVersion rules = RuleVersion.load(ruleVersion);
        DataSource dataSource = database.dataSource();
        Ledger ledger = new Ledger(dataSource);
        try (DatabaseLock year = DatabaseLock.take(dataSource, database.url(), reportingYear,
                OutputLock.describe(reportingYear, command))) {
            return runYear(reportingYear, bundle, output, rules, sparkMaster, database, ledger);
        }
    }

    private int runYear(int reportingYear, Bundle bundle, Path output, RuleVersion rules, String sparkMaster,
            JobDatabase database, Ledger ledger) {
        CycleRun run;
        try {
            Ledger.Snapshot history = ledger.snapshot(reportingYear);
            run = CycleRun.of(reportingYear, bundle, output, rules, history, sparkMaster);
        } catch (BundleException e) {
            err.println("aa: " + e.getMessage());
            return FAILED;
        }
        Folders.createPrivate(run.workDir().getParent());
        Folders.createPrivate(run.workDir());
        try (var context = new AnnotationConfigApplicationContext()) {
            context.registerBean(CycleRun.class, () -> run);
            context.registerBean(JobDatabase.class, () -> database);
            context.registerBean(Ledger.class, () -> ledger);
            context.register(CycleJobConfiguration.class);
            context.refresh();
            lastExecution = launch(context.getBean(JobOperator.class), context.getBean(JobRepository.class),
                    context.getBean(CycleJobConfiguration.JOB, Job.class), run);
            return report(run, lastExecution);
        }
    }

    /** The job execution of the last {@link #run}, with its steps' times. */
    public JobExecution lastExecution() {
        return lastExecution;
    }

    private JobExecution launch(JobOperator operator, JobRepository repository, Job job, CycleRun run) {
        JobExecution last = lastExecution(repository, run);
        try {
            if (last != null && last.isRunning()) {
                // this process holds the folder's lock, so no process runs that execution any more
                out.println("the run " + run.runId() + " of " + run.reportingYear() + " was interrupted ("
                        + last.getStatus().name().toLowerCase() + " since " + last.getStartTime() + ", its process"
                        + " gone); recovering it");
                last = operator.recover(last);
            }
            if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)) {
                out.println("restarting the failed run " + run.runId() + " of " + run.reportingYear()
                        + " at its failed step (its ingest steps run again)");
                return operator.restart(last);
            }
            long rerun = last == null ? 0 : last.getJobParameters().getLong("rerun") + 1;
            // a job instance with no execution: the database failed (its disk full) between creating the two
            while (repository.getJobInstance(CycleJobConfiguration.JOB, run.jobParameters(rerun)) != null) {
                rerun++;
            }
            if (rerun > 0) {
                out.println("rerunning " + run.reportingYear() + " on the same inputs (run " + run.runId() + ")");
            }
            return operator.start(job, run.jobParameters(rerun));
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the cycle: " + e.getMessage(), e);
        }
    }

    /** The latest execution of a job with this run's identity, whatever its rerun number. */
    private static JobExecution lastExecution(JobRepository repository, CycleRun run) {
        JobParameters identity = run.jobParameters(0);
        List<JobInstance> instances = repository.findJobInstances(CycleJobConfiguration.JOB);
        return instances.stream()
                .map(repository::getLastJobExecution)
                .filter(Objects::nonNull)
                .filter(e -> sameRun(e.getJobParameters(), identity))
                .max(Comparator.comparing(JobExecution::getId))
                .orElse(null);
    }

    /** Whether two runs have the same identity; by the parameters' values (a JobParameter equals any of its name). */
    private static boolean sameRun(JobParameters a, JobParameters b) {
        return List.of("reporting_year", "bundle", "out", "rule_version", "run_id").stream()
                .allMatch(name -> Objects.equals(value(a, name), value(b, name)));
    }

    private static Object value(JobParameters parameters, String name) {
        JobParameter<?> parameter = parameters.getParameter(name);
        return parameter == null ? null : parameter.value();
    }

    private int report(CycleRun run, JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions();
            err.println("aa: the cycle of " + run.reportingYear() + " " + execution.getStatus().name().toLowerCase()
                    + ": " + failures.stream().map(f -> diskFull(f, run.outDir(), run.bundle())).filter(Objects::nonNull)
                    .findFirst().orElseGet(() -> failure(execution)));
            err.println("aa: nothing was published; fix the cause and run the same command again"
                    + " (it resumes at the failed step when the inputs are unchanged)");
            return FAILED;
        }
        ExecutionContext context = execution.getExecutionContext();
        out.println("cycle " + run.reportingYear() + " completed (rule version " + run.rules().id() + ", run "
                + run.runId() + ")");
        out.println("  " + TableCounts.from(context) + "; accepted + rejected + superseded = submitted");
        out.println("  " + Assessment.Employers.from(context) + " (registry_gaps.csv)");
        out.println("  " + context.getLong("units") + " units assessed in " + context.getLong("comparison_groups")
                + " comparison groups, " + context.getLong("notified") + " notified; "
                + context.getLong("non_submitters") + " fine cases in non_submitters.csv (a table, plan or performance"
                + " report missing, rejected or late)");
        PayrollCounts payroll = PayrollCounts.from(context);
        out.println("  payroll: " + payroll.read() + " rows, " + payroll.wellFormed() + " well formed ("
                + payroll.otherGender() + " with a gender other than F or M, left out of the figures), "
                + context.getLong("pay.rejections") + " rejections; " + context.getLong("pay.people")
                + " people in the disclosure population of " + context.getLong("pay.employers") + " employers");
        out.println("  compliance: " + context.getLong("plan_reviews") + " plans reviewed ("
                + context.getLong("supplements_requested") + " asked for a supplement), " + context.getLong("evaluations")
                + " performance reports evaluated (" + context.getLong("poor") + " poor), "
                + context.getLong("naming_candidates") + " units notified " + run.rules().compliance().failedYears()
                + " years running, " + context.getLong("published") + " on the press list; "
                + context.getLong("compliance.rejections") + " records of plans, reports and decisions rejected");
        out.println("  reports:   " + run.reportsDir());
        out.println("  warehouse: " + run.warehouseDir());
        return OK;
    }

    /**
     * What to do when the output folder's file system is full, if that is what {@code failure} (its causes and
     * what it suppressed) comes down to: how much room is left, and how much a run wants (its work folder holds
     * about the bundle's size); else null.
     */
    private static String diskFull(Throwable failure, Path outDir, Bundle bundle) {
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getMessage() != null && t.getMessage().contains(NO_SPACE)) {
                return "the file system of " + outDir + " is full (" + NO_SPACE + "): "
                        + megabytes(Folders.usableSpace(outDir)) + " free; make room for at least the size of the"
                        + " bundle" + (bundle.inDatabase() ? "" : " (" + megabytes(Folders.size(bundle.dir())) + ")")
                        + " and run the same command again; the published years are as they were";
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return null;
    }

    private static String megabytes(long bytes) {
        return (bytes + (1 << 20) - 1 >> 20) + " MB";
    }

    /** The one message that explains a failure: a bundle error's own words, else the root cause. */
    private static String failure(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof BundleException) {
                    return t.getMessage();
                }
            }
        }
        if (failures.isEmpty()) {
            return execution.getExitStatus().getExitDescription();
        }
        return rootCause(failures.get(0));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
