package kr.aa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.aa.cycle.CycleLauncher;
import kr.aa.generate.BundleGenerator;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.run.Folders;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code ./aa bench}: times the cycle of a year at scale, then checks that the pipeline's results are still those
 * of a small reference run.
 * <ol>
 *   <li>generates a seeded series of three years of N employers (plans, performance reports and decisions from the
 *       second year on; the payroll of the last year alone);</li>
 *   <li>runs the two earlier years' cycles in child JVMs of this one's options, untimed, so that the last year has
 *       their notifications, plans and reports in its ledger and every model has rows;</li>
 *   <li>runs the last year's cycle in this JVM, whose Spark has not run yet, and prints each step's time, the
 *       cycle's wall time, the heap limit and the peak resident memory, and the ratios of the goals: payroll
 *       ingest in MB/s of CSV, the pay step against DuckDB's aggregation of the same staged Parquet;</li>
 *   <li>runs the three cycles of the reference series ({@value #REFERENCE_EMPLOYERS} employers) and compares a
 *       SHA-256 digest of every file of their reports and warehouse with {@code reference.sha256}: a difference fails
 *       the benchmark, naming the files.</li>
 * </ol>
 * Every cycle keeps its ledger in the benchmark's folder, whatever {@code AA_DB_URL} says.
 */
public final class CycleBenchmark {

    /** The years of a benchmark's series: the timed year and the two before it. */
    static final int YEARS = 3;
    static final long SEED = 1;
    static final int REFERENCE_EMPLOYERS = 200;
    static final String REFERENCE = "reference.sha256";

    private static final long MIB = 1024 * 1024;

    private CycleBenchmark() {
    }

    /** Runs the benchmark into {@code out}; returns the exit code, {@link CycleLauncher#FAILED} on other results. */
    public static int run(int reportingYear, int employers, Path out, String sparkMaster, PrintStream report) {
        Folders.delete(Storage.local(out));
        long start = System.nanoTime();
        List<Path> bundles = BundleGenerator.writeYears(reportingYear, YEARS, employers, SEED, out.resolve("bundles"),
                false);
        long generated = System.nanoTime();
        Path cycles = out.resolve("cycles");
        for (int i = 0; i < YEARS - 1; i++) {
            int exit = runInChildJvm(reportingYear - YEARS + 1 + i, bundles.get(i), cycles, sparkMaster,
                    out.resolve("history-" + (reportingYear - YEARS + 1 + i) + ".log"));
            if (exit != CycleLauncher.OK) {
                report.println("bench: the cycle of an earlier year failed; see " + out.resolve("history-*.log"));
                return exit;
            }
        }
        long history = System.nanoTime();
        CycleLauncher launcher = new CycleLauncher(report, System.err, environment());
        int exit = launcher.run(reportingYear, bundles.get(YEARS - 1).toString(), Storage.local(cycles),
                RuleVersion.DEFAULT,
                sparkMaster);
        long done = System.nanoTime();
        if (exit != CycleLauncher.OK) {
            return exit;
        }
        Map<String, Double> steps = new TreeMap<>();
        for (StepExecution step : launcher.lastExecution().getStepExecutions()) {
            double seconds = Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1e3;
            steps.put(step.getStepName(), seconds);
            report.printf(Locale.ROOT, "bench: step %-13s %6.1f s%n", step.getStepName(), seconds);
        }
        double cycle = (done - history) / 1e9;
        report.printf(Locale.ROOT, "bench: %d employers, %d; generate %.1f s (%d years), the %d years before %.1f s"
                + " (untimed), the cycle %.1f s; heap limit %d MiB, peak RSS %d MiB, %d cores%n", employers,
                reportingYear, (generated - start) / 1e9, YEARS, YEARS - 1, (history - generated) / 1e9, cycle,
                Runtime.getRuntime().maxMemory() / MIB, peakResident() / MIB,
                Runtime.getRuntime().availableProcessors());
        RuleVersion rules = RuleVersion.load(RuleVersion.DEFAULT);
        PayYardstick.Timing duckdb = PayYardstick.run(cycles.resolve("staging/payroll/reporting_year=" + reportingYear),
                rules.payYear(reportingYear), rules.pay(), Runtime.getRuntime().availableProcessors());
        report.printf(Locale.ROOT, "bench: DuckDB pay aggregation (count, median, mean by employer x breakdown x"
                + " category x gender) on the same Parquet: %d groups in %.1f s%n", duckdb.groups(), duckdb.seconds());
        double payrollMb = size(bundles.get(YEARS - 1).resolve("payroll.csv")) / 1e6;
        report.printf(Locale.ROOT, "bench: goals: cycle %.1f s (30 s); assess %.1f s (8 s); payroll ingest %.0f MB in"
                + " %.1f s, %.1f MB/s (50 MB/s); disclosePay %.1f s, %.1f x DuckDB (10 x)%n", cycle,
                steps.get("assess"), payrollMb, steps.get("ingestPayroll"), payrollMb / steps.get("ingestPayroll"),
                steps.get("disclosePay"), steps.get("disclosePay") / duckdb.seconds());
        return checkReference(reportingYear, out.resolve("reference"), sparkMaster, report);
    }

    /**
     * Runs the reference series and compares the digests of its results with {@code reference.sha256}; writes the
     * digests it found beside its output, for a maintainer whose change of the results is intended.
     */
    private static int checkReference(int reportingYear, Path out, String sparkMaster, PrintStream report) {
        long start = System.nanoTime();
        List<Path> bundles = BundleGenerator.writeYears(reportingYear, YEARS, REFERENCE_EMPLOYERS, SEED,
                out.resolve("bundles"));
        Path cycles = out.resolve("cycles");
        CycleLauncher launcher = new CycleLauncher(new PrintStream(PrintStream.nullOutputStream()), System.err,
                environment());
        for (int i = 0; i < YEARS; i++) {
            int exit = launcher.run(reportingYear - YEARS + 1 + i, bundles.get(i).toString(), Storage.local(cycles),
                    RuleVersion.DEFAULT, sparkMaster);
            if (exit != CycleLauncher.OK) {
                report.println("bench: FAILED: the reference run failed");
                return exit;
            }
        }
        String found = digests(cycles, List.of("reports", "warehouse"));
        Path written = out.resolve(REFERENCE);
        try {
            Files.writeString(written, found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String expected = expectedDigests();
        if (!found.equals(expected)) {
            List<String> differing = new ArrayList<>(differences(expected, found));
            report.println("bench: FAILED: the results of the reference run (" + REFERENCE_EMPLOYERS + " employers, "
                    + YEARS + " years, seed " + SEED + ") differ from " + REFERENCE + " in " + differing.size()
                    + " files: " + String.join(", ", differing.subList(0, Math.min(10, differing.size())))
                    + (differing.size() > 10 ? ", ..." : "") + ". If the change of results is intended, replace"
                    + " tools/src/main/resources/kr/aa/bench/" + REFERENCE + " with " + written);
            return CycleLauncher.FAILED;
        }
        report.printf(Locale.ROOT, "bench: the reference run's %d files are byte-identical to %s (%.1f s)%n",
                found.lines().count(), REFERENCE, (System.nanoTime() - start) / 1e9);
        return CycleLauncher.OK;
    }

    /** One line per file under the given folders of {@code dir}, sorted: its SHA-256 and its relative path. */
    static String digests(Path dir, List<String> folders) {
        StringBuilder lines = new StringBuilder();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(dir.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    lines.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(file)))).append("  ").append(dir.relativize(file)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return lines.toString();
    }

    /** The files whose digest differs, or that one side has and the other has not. */
    static List<String> differences(String expected, String found) {
        Map<String, String> before = byFile(expected);
        Map<String, String> after = byFile(found);
        List<String> files = new ArrayList<>();
        before.forEach((file, digest) -> {
            if (!digest.equals(after.get(file))) {
                files.add(file);
            }
        });
        after.keySet().stream().filter(file -> !before.containsKey(file)).forEach(files::add);
        return files;
    }

    private static Map<String, String> byFile(String digests) {
        Map<String, String> files = new TreeMap<>();
        digests.lines().forEach(line -> files.put(line.substring(line.indexOf("  ") + 2), line.substring(0,
                line.indexOf("  "))));
        return files;
    }

    /** The digests of {@code reference.sha256}; none where the file is missing. */
    private static String expectedDigests() {
        try (InputStream in = CycleBenchmark.class.getResourceAsStream(REFERENCE)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ./aa cycle} of a year in a JVM of this one's options and class path. */
    private static int runInChildJvm(int year, Path bundle, Path out, String sparkMaster, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "kr.aa.Aa", "cycle", "--year",
                Integer.toString(year), "--bundle", bundle.toString(), "--out", out.toString(), "--spark-master",
                sparkMaster));
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        child.environment().clear();
        child.environment().putAll(environment());
        try {
            return child.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cycle of " + year + " ran", e);
        }
    }

    /**
     * This process's environment without the operational database's settings ({@code AA_DB_*}): the benchmark's
     * cycles keep their ledger in their own folders, never in a database the user runs real years against.
     */
    private static Map<String, String> environment() {
        Map<String, String> environment = new TreeMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("AA_DB_"));
        return environment;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
