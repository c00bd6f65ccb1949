package kr.aa.run;

import kr.aa.comply.Ledger;
import kr.aa.ingest.Bundle;
import kr.aa.rules.RuleVersion;
import org.apache.hadoop.fs.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One run of the annual cycle: the reporting year, the bundle, the output folder, the rule version, what
 * the year reads of the compliance ledger (taken when the run is launched) and the run id (a digest of all
 * of them, so the same inputs give the same id and the same bytes). The work folder
 * {@code <out>/.work/<run_id>} holds everything the run writes until the last step publishes it.
 */
public record CycleRun(int reportingYear, Bundle bundle, Path outDir, RuleVersion rules, Ledger.Snapshot history,
        String runId, String sparkMaster) {

    /** The run of these inputs, its id their digest. */
    public static CycleRun of(int reportingYear, Bundle bundle, Path outDir, RuleVersion rules,
            Ledger.Snapshot history, String sparkMaster) {
        return new CycleRun(reportingYear, bundle, outDir, rules, history,
                RunDigest.of(rules, bundle, history.toString()), sparkMaster);
    }

    public Path workDir() {
        return new Path(new Path(outDir, ".work"), runId);
    }

    public Path workStaging() {
        return new Path(workDir(), "staging");
    }

    public Path workWarehouse() {
        return new Path(workDir(), "warehouse");
    }

    /** What the run reads of the compliance ledger, with its bundle's records: never published. */
    public Path workLedger() {
        return new Path(workDir(), "ledger");
    }

    /** The year's open data, published to {@code <out>/open-data/Y/}. */
    public Path workOpenData() {
        return new Path(workDir(), "open-data");
    }

    public Path openDataDir() {
        return new Path(new Path(outDir, "open-data"), Integer.toString(reportingYear));
    }

    public Path workReports() {
        return new Path(workDir(), "reports");
    }

    public Path warehouseDir() {
        return new Path(outDir, "warehouse");
    }

    public Path stagingDir() {
        return new Path(outDir, "staging");
    }

    /** Where the published years keep what their assessment read of the compliance ledger. */
    public Path stagedLedgerDir() {
        return new Path(stagingDir(), "ledger");
    }

    public Path reportsDir() {
        return new Path(new Path(outDir, "reports"), Integer.toString(reportingYear));
    }

    /** The partition folder of a year in a dataset folder. */
    public String partition() {
        return "reporting_year=" + reportingYear;
    }

    /**
     * The job parameters: all identifying, so a failed run with the same inputs restarts, and
     * {@code rerun} tells a deliberate rerun of a completed year apart from the first run.
     */
    public JobParameters jobParameters(long rerun) {
        return new JobParametersBuilder()
                .addLong("reporting_year", (long) reportingYear)
                .addString("bundle", bundle.location())
                .addString("out", outDir.toString())
                .addString("rule_version", rules.id())
                .addString("run_id", runId)
                .addLong("rerun", rerun)
                .toJobParameters();
    }
}
