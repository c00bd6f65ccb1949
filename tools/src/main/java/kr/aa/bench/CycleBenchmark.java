package kr.aa.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import kr.aa.cycle.CycleLauncher;
import kr.aa.generate.BundleGenerator;
import kr.aa.rules.RuleVersion;
import kr.aa.run.Folders;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code ./aa bench}: generates a seeded bundle of N employers (with their payroll), runs the whole cycle on
 * it in this JVM and reports the wall time of the generation, of the cycle and of each step, with the heap
 * limit and the peak resident memory of the process; then times the pay aggregation on the same staged
 * Parquet with DuckDB, as a yardstick for the pay step.
 */
public final class CycleBenchmark {

    private static final long MIB = 1024 * 1024;

    private CycleBenchmark() {
    }

    public static int run(int reportingYear, int employers, Path out, String sparkMaster, PrintStream report) {
        Folders.delete(out);
        Path bundle = out.resolve("bundle-" + reportingYear);
        long start = System.nanoTime();
        BundleGenerator.write(reportingYear, employers, 1, bundle);
        long generated = System.nanoTime();
        CycleLauncher launcher = new CycleLauncher(report, System.err, System.getenv());
        int exit = launcher.run(reportingYear, bundle.toString(), out, RuleVersion.DEFAULT, sparkMaster);
        long done = System.nanoTime();
        if (exit != CycleLauncher.OK) {
            return exit;
        }
        for (StepExecution step : launcher.lastExecution().getStepExecutions()) {
            report.printf(Locale.ROOT, "bench: step %-13s %6.1f s%n", step.getStepName(),
                    Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1e3);
        }
        double sinceJvmStart = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        report.printf(Locale.ROOT, "bench: %d employers; generate %.1f s, cycle %.1f s, %.1f s since the JVM started;"
                + " heap limit %d MiB, peak RSS %d MiB, %d cores%n", employers, (generated - start) / 1e9,
                (done - generated) / 1e9, sinceJvmStart, Runtime.getRuntime().maxMemory() / MIB,
                peakResident() / MIB, Runtime.getRuntime().availableProcessors());
        Path payroll = out.resolve("staging/payroll/reporting_year=" + reportingYear);
        RuleVersion rules = RuleVersion.load(RuleVersion.DEFAULT);
        PayYardstick.Timing duckdb = PayYardstick.run(payroll, rules.payYear(reportingYear), rules.pay(),
                Runtime.getRuntime().availableProcessors());
        report.printf(Locale.ROOT, "bench: DuckDB pay aggregation (count, median, mean by employer x breakdown x"
                + " category x gender) on the same Parquet: %d groups in %.1f s%n", duckdb.groups(), duckdb.seconds());
        return exit;
    }

    /** VmHWM of /proc/self/status: the most resident memory the process has had. */
    private static long peakResident() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
