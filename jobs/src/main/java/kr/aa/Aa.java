package kr.aa;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.aa.bench.CycleBenchmark;
import kr.aa.comply.ComplianceRecords;
import kr.aa.comply.Ledger;
import kr.aa.cycle.CycleLauncher;
import kr.aa.cycle.JobDatabase;
import kr.aa.generate.BundleGenerator;
import kr.aa.rules.RuleVersion;

/**
 * The command line of the pipeline, {@code ./aa}:
 * <pre>
 *   aa demo     [--out DIR]                      generate three years of bundles and run their cycles
 *   aa cycle    --year Y --bundle DIR --out DIR [--rules manual-2006-act-2022] [--spark-master URL]
 *   aa generate --year Y --employers N --out DIR [--seed S] [--years K]
 *   aa bench    [--employers N] [--out DIR]       time the cycle on a generated bundle
 *   aa record   --out DIR --employer ID --year Y --action A --decided-on D [--note TEXT]
 *   aa import-history --from DIR --out DIR        units, plans, reports and decisions of earlier years
 * </pre>
 * Exit code 0 when the command succeeded, 1 when the cycle failed, 2 for a usage error.
 */
public final class Aa {

    static final int USAGE = 2;
    static final int DEMO_YEAR = 2025;
    static final int DEMO_EMPLOYERS = 500;
    static final int DEMO_YEARS = 3;
    static final int BENCH_EMPLOYERS = 3000;
    static final long DEMO_SEED = 20250531L;

    private static final String HELP = """
            usage:
              aa demo     [--out DIR]
              aa cycle    --year Y --bundle DIR --out DIR [--rules manual-2006-act-2022|kr-2006|kr-2014|kr-2020|FILE.json] [--spark-master URL]
              aa generate --year Y --employers N --out DIR [--seed S] [--years K (bundles in DIR/<year>)]
              aa bench    [--employers 3000] [--out bench]
              aa record   --out DIR --employer ID --year Y --action URGED|URGE_FOLLOWED|NOTICE_SENT|EXCEPTION_DEATH|
                          EXCEPTION_CLOSURE|EXCEPTION_INSOLVENCY|EXCEPTION_EFFORT|PUBLISH --decided-on YYYY-MM-DD [--note TEXT]
              aa import-history --from DIR --out DIR
            The job repository is an H2 file under --out unless AA_DB_URL (with AA_DB_USER, AA_DB_PASSWORD) names
            another database; Spark runs local[2] unless --spark-master or AA_SPARK_MASTER names a cluster.""";

    private Aa() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println(HELP);
            return USAGE;
        }
        try {
            Map<String, String> options = options(args);
            return switch (args[0]) {
                case "cycle" -> cycle(options);
                case "generate" -> generate(options);
                case "demo" -> demo(options);
                case "bench" -> bench(options);
                case "record" -> record(options);
                case "import-history" -> importHistory(options);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            System.err.println("aa: " + e.getMessage());
            System.err.println(HELP);
            return USAGE;
        }
    }

    private static int cycle(Map<String, String> options) {
        allow(options, Set.of("year", "bundle", "out", "rules", "spark-master"));
        return new CycleLauncher(System.out, System.err, System.getenv()).run(year(options), required(options, "bundle"),
                Path.of(required(options, "out")), options.getOrDefault("rules", RuleVersion.DEFAULT), sparkMaster(options));
    }

    private static int generate(Map<String, String> options) {
        allow(options, Set.of("year", "employers", "out", "seed", "years"));
        Path out = Path.of(required(options, "out"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        if (!options.containsKey("years")) {
            BundleGenerator.write(year(options), number(options, "employers"), seed, out);
            System.out.println("bundle written to " + out.toAbsolutePath());
            return 0;
        }
        for (Path bundle : BundleGenerator.writeYears(year(options), number(options, "years"), number(options, "employers"),
                seed, out)) {
            System.out.println("bundle written to " + bundle.toAbsolutePath());
        }
        return 0;
    }

    private static int demo(Map<String, String> options) {
        allow(options, Set.of("out", "spark-master"));
        Path out = Path.of(options.getOrDefault("out", "demo"));
        int firstYear = DEMO_YEAR - DEMO_YEARS + 1;
        List<Path> bundles = BundleGenerator.writeYears(DEMO_YEAR, DEMO_YEARS, DEMO_EMPLOYERS, DEMO_SEED,
                out.resolve("bundles"));
        System.out.println("generated the bundles of " + DEMO_EMPLOYERS + " employers for " + firstYear + "-" + DEMO_YEAR
                + ": " + out.resolve("bundles").toAbsolutePath());
        CycleLauncher launcher = new CycleLauncher(System.out, System.err, System.getenv());
        for (int i = 0; i < bundles.size(); i++) {
            int exit = launcher.run(firstYear + i, bundles.get(i).toString(), out, RuleVersion.DEFAULT, sparkMaster(options));
            if (exit != CycleLauncher.OK) {
                return exit;
            }
        }
        System.out.println("the press list of " + DEMO_YEAR + ": "
                + out.resolve("reports").resolve(Integer.toString(DEMO_YEAR)).resolve("press_list.html").toAbsolutePath());
        return CycleLauncher.OK;
    }

    private static int bench(Map<String, String> options) {
        allow(options, Set.of("employers", "out", "spark-master"));
        int employers = options.containsKey("employers") ? number(options, "employers") : BENCH_EMPLOYERS;
        return CycleBenchmark.run(DEMO_YEAR, employers, Path.of(options.getOrDefault("out", "bench")),
                sparkMaster(options), System.out);
    }

    private static int record(Map<String, String> options) {
        allow(options, Set.of("out", "employer", "year", "action", "decided-on", "note"));
        Path out = Path.of(required(options, "out"));
        ComplianceRecords.Action action = ComplianceRecords.parseAction(Map.of("employer_id", required(options, "employer"),
                "year", required(options, "year"), "action", required(options, "action"),
                "decided_on", required(options, "decided-on"), "note", options.getOrDefault("note", "")));
        JobDatabase database = JobDatabase.from(System.getenv(), out);
        new Ledger(database.dataSource()).record(action);
        System.out.println("recorded " + action.action() + " of " + action.decidedOn() + " for " + action.employerId()
                + " (year " + action.year() + ") in " + database + "; the next run of " + action.year()
                + " takes it into account");
        return 0;
    }

    private static int importHistory(Map<String, String> options) {
        allow(options, Set.of("from", "out"));
        Path out = Path.of(required(options, "out"));
        ComplianceRecords.History history;
        try {
            history = ComplianceRecords.readHistory(Path.of(required(options, "from")));
        } catch (BundleException e) {
            System.err.println("aa: " + e.getMessage());
            return CycleLauncher.FAILED;
        }
        JobDatabase database = JobDatabase.from(System.getenv(), out);
        new Ledger(database.dataSource()).importHistory(history.units(), history.records());
        System.out.println("imported " + history.units().size() + " assessed units, " + history.records().plans().size()
                + " plans, " + history.records().reports().size() + " performance reports and "
                + history.records().actions().size() + " decisions into " + database);
        return 0;
    }

    private static String sparkMaster(Map<String, String> options) {
        String fromEnvironment = System.getenv("AA_SPARK_MASTER");
        return options.getOrDefault("spark-master",
                fromEnvironment == null || fromEnvironment.isBlank() ? "local[2]" : fromEnvironment);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, found '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void allow(Map<String, String> options, Set<String> allowed) {
        List<String> unknown = options.keySet().stream().filter(o -> !allowed.contains(o)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + String.join(", --", unknown));
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int year(Map<String, String> options) {
        return number(options, "year");
    }

    private static int number(Map<String, String> options, String name) {
        try {
            return Integer.parseInt(required(options, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }
}
