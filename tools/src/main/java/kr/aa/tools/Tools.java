package kr.aa.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kr.aa.Aa.SparkMaster;
import kr.aa.Aa;
import kr.aa.bench.CycleBenchmark;
import kr.aa.cycle.CycleLauncher;
import kr.aa.generate.BundleGenerator;
import kr.aa.io.DataDictionary;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The repository's {@code ./aa}: the pipeline's commands ({@link Aa}) and the tools that come with the
 * repository but do not ship in the pipeline's jar: synthetic bundles, the demo and the benchmark.
 */
public final class Tools {

    static final int DEMO_YEAR = 2025;
    static final int DEMO_EMPLOYERS = 500;
    static final int DEMO_YEARS = 3;
    static final long DEMO_SEED = 20250531L;

    private Tools() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The pipeline's command line with the tools' commands added. */
    static CommandLine commandLine() {
        return Aa.commandLine()
                .addSubcommand(new Demo())
                .addSubcommand(new Generate())
                .addSubcommand(new Bench())
                .addSubcommand(new Screenshot())
                .addSubcommand(new Dictionary());
    }

    @Command(name = "generate", description = "Writes a synthetic bundle of a year, or of consecutive years"
            + " (--years) into DIR/<year>/ with the same employers and their plans, reports and decisions.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the (last) reporting year")
        int year;

        @Option(names = "--employers", required = true, paramLabel = "N", description = "how many employers")
        int employers;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write")
        Path out;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "the random seed: the same seed gives the same bytes (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--years", paramLabel = "K", description = "consecutive years ending with --year")
        Integer years;

        @Override
        public Integer call() {
            List<Path> bundles = years == null ? List.of(write()) : BundleGenerator.writeYears(year, years,
                    employers, seed, out);
            bundles.forEach(bundle -> System.out.println("bundle written to " + bundle.toAbsolutePath()));
            return CommandLine.ExitCode.OK;
        }

        private Path write() {
            BundleGenerator.write(year, employers, seed, out);
            return out;
        }
    }

    @Command(name = "demo", description = "Generates " + DEMO_EMPLOYERS + " employers' bundles for "
            + (DEMO_YEAR - DEMO_YEARS + 1) + "-" + DEMO_YEAR + " and runs their three cycles.")
    static final class Demo implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo",
                description = "the output folder, bundles in DIR/bundles/<year>/ (default: ${DEFAULT-VALUE})")
        Path out;

        @Mixin
        SparkMaster spark;

        @Override
        public Integer call() {
            int firstYear = DEMO_YEAR - DEMO_YEARS + 1;
            List<Path> bundles = BundleGenerator.writeYears(DEMO_YEAR, DEMO_YEARS, DEMO_EMPLOYERS, DEMO_SEED,
                    out.resolve("bundles"));
            System.out.println("generated the bundles of " + DEMO_EMPLOYERS + " employers for " + firstYear + "-"
                    + DEMO_YEAR + ": " + out.resolve("bundles").toAbsolutePath());
            CycleLauncher launcher = new CycleLauncher(System.out, System.err, System.getenv());
            for (int i = 0; i < bundles.size(); i++) {
                int exit = launcher.run(firstYear + i, bundles.get(i).toString(), Storage.local(out),
                        RuleVersion.DEFAULT,
                        spark.master());
                if (exit != CycleLauncher.OK) {
                    return exit;
                }
            }
            System.out.println("the documents of " + DEMO_YEAR + " (letters, notices, the annual report, the press list,"
                    + " the pay disclosure): " + out.resolve("reports").resolve(Integer.toString(DEMO_YEAR))
                    .resolve("index.html").toAbsolutePath().toUri());
            return CycleLauncher.OK;
        }
    }

    @Command(name = "bench", description = "Times the cycle of " + DEMO_YEAR + " on a generated series of three"
            + " years (seed 1), after the two years before it, with DuckDB's pay aggregation as a yardstick; then"
            + " checks that a small reference run still gives the same files (exit code 1 if not).")
    static final class Bench implements Callable<Integer> {

        @Option(names = "--employers", paramLabel = "N", defaultValue = "3000",
                description = "how many employers: 3000 is national scale (the default), 30000 ten times it")
        int employers;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench",
                description = "the working folder (default: ${DEFAULT-VALUE})")
        Path out;

        @Mixin
        SparkMaster spark;

        @Override
        public Integer call() {
            return CycleBenchmark.run(DEMO_YEAR, employers, out, spark.master(), System.out);
        }
    }

    @Command(name = "screenshots", description = "Takes a picture of each kind of document of a published year with"
            + " headless Chromium (the README's pictures are made so).")
    static final class Screenshot implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo",
                description = "the output folder of the runs (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--year", paramLabel = "YEAR", defaultValue = "" + DEMO_YEAR,
                description = "the published year (default: ${DEFAULT-VALUE})")
        int year;

        @Option(names = "--to", paramLabel = "DIR", defaultValue = "docs/screenshots",
                description = "where the pictures go (default: ${DEFAULT-VALUE})")
        Path to;

        @Override
        public Integer call() throws Exception {
            return Screenshots.take(out.resolve("reports").resolve(Integer.toString(year)), to, System.out);
        }
    }

    @Command(name = "dictionary", description = "Writes the warehouse's data dictionary from its contracts"
            + " (schemas/warehouse/, schemas/columns.json).")
    static final class Dictionary implements Callable<Integer> {

        @Option(names = "--to", paramLabel = "FILE", defaultValue = "docs/warehouse.md",
                description = "where it goes (default: ${DEFAULT-VALUE})")
        Path to;

        @Override
        public Integer call() throws Exception {
            Files.writeString(to, DataDictionary.markdown(DataDictionary.warehouseDatasets()));
            System.out.println("the data dictionary: " + to.toAbsolutePath());
            return CommandLine.ExitCode.OK;
        }
    }
}
